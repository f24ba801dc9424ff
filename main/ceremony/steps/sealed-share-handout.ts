import type { PlannedStep } from '../../../shared/script/plan.js';
import { sealShare, unsealShare, DEFAULT_SCRYPT } from '../../custody/sealed-share-file.js';
import { shareFingerprint } from '../../custody/share-fingerprint.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { ShareInHand } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';
import { custodianSlug } from './custodian-slug.js';
import { MIN_PASSPHRASE_CHARACTERS, passphraseProblem } from './passphrase-rules.js';
import { SealedFileWriteError, writeSealedShareFile } from './sealed-share-writer.js';

/**
 * The file name of a custodian's sealed share file: the ceremony, the member,
 * the custodian and the share set (a hand-off redone after a stop seals a
 * share of a new set, so it never meets the old file's name). REHEARSAL
 * leads the name in a rehearsal, as it marks every rehearsal output.
 */
export function sealedShareFileName(ctx: RunContext, share: ShareInHand): string {
  return `${sameShareStem(ctx, share)}${share.envelope.setId}.sealed.json`;
}

/** The start of the name every sealed file of this member's share has, whatever its share set. */
function sameShareStem(ctx: RunContext, share: ShareInHand): string {
  const prefix = ctx.room.rehearsal ? 'REHEARSAL-' : '';
  return `${prefix}${ctx.script.id}-share-${String(share.envelope.member).padStart(3, '0')}-${custodianSlug(share.custodian)}-`;
}

/**
 * The script's backup.sealedShareFiles, for one custodian whose receipt is
 * proven: they choose a passphrase (typed twice; asked again while too short
 * or the entries differ), the share is sealed under it (scrypt +
 * AES-256-GCM), written to the USB folder the room chooses (asked again while
 * the stick refuses it), read back and opened again with the passphrase. The
 * witness then acknowledges the file, and the transcript records what an
 * auditor needs: custodian, member, fingerprint, file name, SHA-256 and size,
 * scrypt's cost. Never the passphrase or the share. The passphrase is zeroed.
 * @throws CeremonyError STEP_FAILED when the host cannot take a passphrase.
 */
export async function handOutSealedShareFile(ctx: RunContext, step: PlannedStep, share: ShareInHand): Promise<void> {
  const passphrase = await choosePassphrase(ctx, step, share);
  const { envelope, fingerprint, custodian } = share;
  try {
    const sealed = await sealShare(envelope, passphrase);
    const name = sealedShareFileName(ctx, share);
    const what = `${custodian}'s sealed share file (share ${envelope.member} of ${envelope.shareCount}, ${name})`;
    const prove = async (readBack: Uint8Array): Promise<void> => {
      const opened = await unsealShare(readBack, passphrase);
      try {
        if (shareFingerprint(opened.share) !== fingerprint) throw new Error('the share inside is not the one handed over');
      } finally {
        opened.share.fill(0);
      }
    };
    let problem: string | undefined;
    for (;;) {
      const folder = await ctx.host.chooseMedia({ step: step.id, copy: 1, copies: 1, what, custodian, ...(problem === undefined ? {} : { problem }) });
      try {
        const file = await writeSealedShareFile(folder, name, sealed, prove, sameShareStem(ctx, share));
        await ctx.host.acknowledge({
          step: step.id,
          title: `Sealed share file written for ${custodian}`,
          detail: `${file.path} (${file.bytes} bytes, SHA-256 ${file.sha256}) was written, read back and opened again with ${custodian}'s passphrase: it holds share ${envelope.member} (fingerprint ${fingerprint}). ${custodian} takes the USB stick.`,
          actor: ctx.witness,
        });
        for (const deviation of ctx.host.takeDeviations?.() ?? []) await ctx.record('deviation.recorded', step, deviation.recordedBy, deviation);
        await ctx.record('witness.acknowledged', step, ctx.witness, {
          witness: ctx.witness,
          what: `Sealed share file written for ${custodian}`,
          record: 'share.sealed',
          custodian,
          index: envelope.member,
          fingerprint,
          shareSetId: envelope.setId,
          file: name,
          sha256: file.sha256,
          bytes: file.bytes,
          kdf: { name: 'scrypt', N: DEFAULT_SCRYPT.N, r: DEFAULT_SCRYPT.r, p: DEFAULT_SCRYPT.p },
          cipher: 'aes-256-gcm',
        });
        return;
      } catch (error) {
        if (!(error instanceof SealedFileWriteError)) throw error;
        problem = error.message;
      }
    }
  } finally {
    passphrase.fill(0);
  }
}

async function choosePassphrase(ctx: RunContext, step: PlannedStep, share: ShareInHand): Promise<Uint8Array> {
  const host = ctx.host;
  if (!host.choosePassphrase) {
    throw new CeremonyError('STEP_FAILED', `The script asks for sealed share files, but this way of running the ceremony cannot take ${share.custodian}'s passphrase. Run it from the app or the terminal (conclave run).`);
  }
  let problem: string | undefined;
  for (;;) {
    const entries = await host.choosePassphrase({ step: step.id, custodian: share.custodian, member: share.envelope.member, minimum: MIN_PASSPHRASE_CHARACTERS, ...(problem === undefined ? {} : { problem }) });
    problem = passphraseProblem(entries);
    entries.repeated.fill(0);
    if (problem === undefined) return entries.passphrase;
    entries.passphrase.fill(0);
  }
}
