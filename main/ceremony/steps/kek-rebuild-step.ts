import { CustodyError } from '../../custody/custody-error.js';
import type { RebuiltKek } from '../../custody/recovery-intake.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import { recoveryIntake } from './share-collect-step.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Combines the shares taken in this run into the KEK, which must match the
 * recorded key check value (RecoveryIntake: with more shares than the
 * threshold, bad ones are found and named). In a recovery the KEK is then
 * imported into the token as a session key that can only unwrap, for the
 * restore steps. In a rotation its matching KCV is the quorum's proof and
 * nothing more — the keys are re-wrapped from the token (backup.wrap) — so
 * it is wiped at once. The shares are wiped either way.
 */
export const kekRebuildStep: StepExecutor<'kek.rebuild'> = async (ctx, step) => {
  const { intake, shareSetId, needed, recovery } = await recoveryIntake(ctx);
  if (!intake.ready) {
    throw new CeremonyError('STEP_FAILED', `${intake.accepted.length} of the ${needed} shares needed were entered in this run (shares entered before a stop are never kept). Resume from the first share: each custodian enters their share again.`);
  }
  let rebuilt: RebuiltKek;
  try {
    rebuilt = await intake.rebuildKek();
  } catch (error) {
    intake.discard();
    if (error instanceof CustodyError) throw new CeremonyError('STEP_FAILED', `${error.message} Nothing was restored or re-wrapped.`);
    throw error;
  }
  let imported = false;
  try {
    if (ctx.script.kind === 'key-recovery') {
      const session = ctx.requireSession();
      const sessionKey = await session.importAesKey(rebuilt.kek, { label: `conclave-kek-${shareSetId}` });
      if (sessionKey.kcv !== rebuilt.kcv) {
        await session.destroySessionKey(sessionKey);
        throw new CeremonyError('STEP_FAILED', `The HSM computes KCV ${sessionKey.kcv} for the imported KEK, but the shares rebuilt ${rebuilt.kcv}: the import is not faithful. Nothing was restored; stop and check the HSM.`);
      }
      recovery.sessionKey = sessionKey;
      imported = true;
    }
  } finally {
    rebuilt.kek.fill(0);
    intake.discard();
  }
  await ctx.record('kek.rebuilt', step, 'system', { kcv: rebuilt.kcv, shareSetId, members: rebuilt.usedMembers, badMembers: rebuilt.badMembers, importedForUnwrap: imported });
  if (rebuilt.badMembers.length > 0) {
    await ctx.record('deviation.recorded', step, 'system', { description: `The shares of members ${rebuilt.badMembers.join(', ')} did not rebuild the recorded KEK and were set aside; members ${rebuilt.usedMembers.join(', ')} did.`, recordedBy: 'system' });
  }
  const use = imported ? 'It is on the token as a session key that can only unwrap, until the last key is restored.' : 'It proves the quorum and is wiped now: the keys are re-wrapped from the token under a new KEK.';
  await ctx.acknowledge(step, 'The KEK is rebuilt and matches', `Members ${rebuilt.usedMembers.join(', ')} rebuilt the KEK of share set ${shareSetId}; its key check value ${rebuilt.kcv} equals the recorded one. ${use}`);
};
