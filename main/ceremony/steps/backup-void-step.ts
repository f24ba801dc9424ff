import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CeremonyError } from '../runner/ceremony-error.js';
import { requireSource } from './source-bundle.js';
import type { StepExecutor } from './step-executor.js';
import { eventsSoFar } from './transcript-so-far.js';

/**
 * Custodian rotation, last: the old backup and every old share are declared
 * void — only once the new set is verified. The new backup.json must be in
 * this bundle (it is written only after every new custodian proved receipt),
 * of a new share set, and every USB copy of it written and read back. The
 * administrator types the step's word; backup.voided names the old share set,
 * its backup's SHA-256 and what replaces it.
 */
export const backupVoidStep: StepExecutor<'backup.void'> = async (ctx, step) => {
  const source = await requireSource(ctx);
  const old = source.backup;
  if (!old) throw new CeremonyError('SOURCE_INVALID', `The source bundle ${source.dir} holds no backup to void.`);
  const written = (await eventsSoFar(ctx, 'backup.written')).at(-1);
  const verified = new Set((await eventsSoFar(ctx, 'share.verified')).filter((e) => e.data.shareSetId === written?.data.shareSetId).map((e) => Number(e.data.index)));
  const copies = ctx.plan.steps.filter((s) => s.action.type === 'usb.write').length;
  const media = await eventsSoFar(ctx, 'media.written');
  const unverified = !written || written.data.shareSetId === old.kek.shareSetId || verified.size < written.data.shareCount || media.length < copies;
  if (unverified) {
    throw new CeremonyError('STEP_FAILED', 'The new share set is not verified yet (new backup written, every new custodian\'s receipt, every USB copy read back): the old backup stays valid. Nothing was voided.');
  }
  const oldSha256 = createHash('sha256').update(await readFile(join(source.dir, 'backup', 'backup.json'))).digest('hex');
  const replacement = `share set ${written.data.shareSetId} (KCV ${written.data.kekKcv}, ${written.data.threshold} of ${written.data.shareCount})`;
  await ctx.acknowledge(step, 'The new set is verified', `Every new custodian proved receipt, and the new backup/backup.json (SHA-256 ${written.data.sha256}) was written to ${media.length} USB copies and read back. The old share set ${old.kek.shareSetId} is about to be declared void.`);
  if (step.irreversible) await ctx.host.confirm({ step: step.id, title: step.title, detail: step.irreversible.consequence, word: step.irreversible.word });
  await ctx.record('backup.voided', step, ctx.administrator, {
    shareSetId: old.kek.shareSetId,
    reason: `custodian rotation ${ctx.script.id}: replaced by ${replacement}`,
    kekKcv: old.kek.kcv,
    backupSha256: oldSha256,
    backupCeremonyId: old.ceremonyId,
    replacedBy: written.data.shareSetId,
    members: old.kek.shareFingerprints.map((f) => ({ member: f.member, fingerprint: f.fingerprint })),
  });
  await ctx.acknowledge(step, 'The old backup and shares are void', `Share set ${old.kek.shareSetId} and the backup of ceremony ${old.ceremonyId} (SHA-256 ${oldSha256}) are void. Only ${replacement} rebuilds the backup from now on.`);
};
