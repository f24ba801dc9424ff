import { CustodyError } from '../../custody/custody-error.js';
import { RecoveryIntake } from '../../custody/recovery-intake.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RecoveryInProgress } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';
import { requireSource } from './source-bundle.js';
import type { StepExecutor } from './step-executor.js';

/** How many times one custodian may enter a share before the ceremony stops for the witness. */
const ENTRY_TRIES = 5;

/**
 * One custodian brings back a share of the source backup's KEK. It is
 * checked on entry, before anything is combined (main/custody's
 * RecoveryIntake): checksum (a mistyped word is named by position), share
 * set, duplicate, and its fingerprint against both backup.json and the
 * source transcript's share.verified events. A refused share is recorded as
 * a deviation, named to the custodian, and asked for again.
 */
export const shareCollectStep: StepExecutor<'share.collect'> = async (ctx, step) => {
  const { intake, needed, issuedTo, shareSetId } = await recoveryIntake(ctx);
  const { custodian } = step.action;
  let problem: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const question = { step: step.id, custodian, received: intake.accepted.length, needed };
    const typed = await ctx.host.takeShare(problem === undefined ? question : { ...question, problem });
    try {
      const accepted = await intake.offer({ kind: 'words', words: typed });
      await ctx.record('share.accepted', step, custodian, { custodian, index: accepted.member, fingerprint: accepted.fingerprint, shareSetId });
      const holder = issuedTo.get(accepted.member);
      if (holder !== custodian) {
        await ctx.record('deviation.recorded', step, 'system', { description: `${custodian} brought member ${accepted.member}'s share, which the source transcript issued to ${holder ?? 'nobody'}. The share itself checked out and was accepted.`, recordedBy: 'system' });
      }
      await ctx.acknowledge(step, `${custodian}'s share accepted`, `Member ${accepted.member} of share set ${shareSetId}, fingerprint ${accepted.fingerprint}, as recorded in backup.json and in the source transcript. ${intake.accepted.length} of ${needed} shares in.`);
      return;
    } catch (error) {
      if (!(error instanceof CustodyError)) throw error;
      await ctx.record('deviation.recorded', step, 'system', { description: `${custodian}'s share was refused on entry (${error.code}): ${error.message}`, recordedBy: 'system', code: error.code });
      if (attempt >= ENTRY_TRIES) {
        throw new CeremonyError('STEP_FAILED', `${custodian}'s share was refused ${ENTRY_TRIES} times (last: ${error.message}). Nothing was combined. Set the card aside, and resume with another custodian of the set in the script.`);
      }
      problem = error.message;
    } finally {
      typed.fill(0);
    }
  }
};

/**
 * The intake of this ceremony's shares, made at the first share from what the
 * verified source records: backup.json's KEK facts and fingerprints, and the
 * share.verified events of its transcript (a share is accepted only if both agree).
 */
export async function recoveryIntake(ctx: RunContext): Promise<{ intake: RecoveryIntake; needed: number; issuedTo: Map<number, string>; shareSetId: string; recovery: RecoveryInProgress }> {
  const source = await requireSource(ctx);
  const backup = source.backup;
  if (!backup) throw new CeremonyError('SOURCE_INVALID', `The source bundle ${source.dir} holds no backup/backup.json.`);
  const { kek } = backup;
  const verified = source.events.filter((e) => e.type === 'share.verified' && e.data.shareSetId === kek.shareSetId);
  ctx.state.recovery ??= {
    intake: new RecoveryIntake({
      setId: kek.shareSetId,
      threshold: kek.threshold,
      shareCount: kek.shareCount,
      kcv: kek.kcv,
      fingerprintLists: [
        { source: 'backup.json', fingerprints: kek.shareFingerprints },
        { source: 'the source transcript', fingerprints: verified.map((e) => ({ member: Number(e.data.index), fingerprint: String(e.data.fingerprint) })) },
      ],
    }),
    sessionKey: undefined,
  };
  const issuedTo = new Map(verified.map((e) => [Number(e.data.index), String(e.data.custodian)]));
  return { intake: ctx.state.recovery.intake, needed: kek.threshold, issuedTo, shareSetId: kek.shareSetId, recovery: ctx.state.recovery };
}
