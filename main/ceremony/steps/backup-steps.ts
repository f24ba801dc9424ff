import { createHash } from 'node:crypto';
import { kekCheckValue } from '../../custody/kek-check-value.js';
import { newShareSetId, splitKek } from '../../custody/kek-split.js';
import { shareFingerprint } from '../../custody/share-fingerprint.js';
import type { BackupSection } from '../../../shared/script/backup.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { BackupInProgress } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';
import { oldBackupKeysOnToken } from './old-backup-keys.js';
import type { StepExecutor } from './step-executor.js';

/**
 * The backup KEK: 32 bytes from the HSM's RNG, imported into the token as a
 * session key that can only wrap. Its KCV is computed twice — by the HSM
 * (CKA_CHECK_VALUE) and in Node — and must agree.
 */
export const backupKekStep: StepExecutor<'backup.kek'> = async (ctx, step) => {
  const session = ctx.requireSession();
  const kek = await session.random(32);
  const kcv = kekCheckValue(kek);
  const shareSetId = newShareSetId();
  const sessionKey = await session.importAesKey(kek, { label: `conclave-kek-${shareSetId}` });
  if (sessionKey.kcv !== kcv) {
    kek.fill(0);
    await session.destroySessionKey(sessionKey);
    throw new CeremonyError('STEP_FAILED', `The HSM's key check value for the KEK (${sessionKey.kcv}) differs from the one computed here (${kcv}). Nothing was wrapped; stop and investigate the HSM.`);
  }
  ctx.state.backup = { kek, kcv, sessionKey, shareSetId, wrapped: [], shares: [], verified: new Set() };
  await ctx.record('kek.generated', step, 'system', { kcv, shareSetId, source: 'C_GenerateRandom on the ceremony token', bytes: 32 });
  await ctx.acknowledge(step, 'Backup KEK made', `Key check value of the KEK: ${kcv}. Share set ${shareSetId}. The KEK never leaves this machine's memory except as shares.`);
};

/**
 * Wraps each key marked for backup under the KEK (CKM_AES_KEY_WRAP_PAD, RFC 5649), in the HSM.
 * No keys named (custodian rotation): every key of the old backup, as the token holds it.
 */
export const backupWrapStep: StepExecutor<'backup.wrap'> = async (ctx, step) => {
  const backup = requireBackup(ctx);
  const session = ctx.requireSession();
  const keys = step.action.keys.length > 0 ? step.action.keys.map((name) => ({ name, info: ctx.state.keys.get(name) })) : await oldBackupKeysOnToken(ctx);
  for (const { name, info } of keys) {
    if (!info) throw new CeremonyError('STEP_FAILED', `Key "${name}" is not on the token in this ceremony; it cannot be backed up.`);
    const wrapped = await session.wrapKey(backup.sessionKey!, { label: info.label, class: 'kcv' in info ? 'secret' : 'private' });
    backup.wrapped.push({ name, info, wrapped });
    await ctx.record('key.wrapped', step, 'system', { label: info.label, id: info.id, wrappedSha256: createHash('sha256').update(wrapped).digest('hex'), mechanism: 'CKM_AES_KEY_WRAP_PAD', bytes: wrapped.length });
  }
  // The session key is no longer needed: nothing else is wrapped under this KEK in this ceremony.
  await session.destroySessionKey(backup.sessionKey!);
  backup.sessionKey = undefined;
};

export function requireBackup(ctx: RunContext): BackupInProgress {
  if (!ctx.state.backup) throw new CeremonyError('STEP_FAILED', 'The backup KEK does not exist in this run: the backup must start again from its first step.');
  return ctx.state.backup;
}

/** Splits the KEK M-of-N; each share waits, in memory, for its custodian's hand-off. */
export const backupSplitStep: StepExecutor<'backup.split'> = async (ctx, step) => {
  const backup = requireBackup(ctx);
  const custodians = backupSection(ctx).custodians;
  const envelopes = await splitKek(backup.kek, { setId: backup.shareSetId, threshold: step.action.threshold, shareCount: step.action.shares });
  backup.shares = envelopes.map((envelope, i) => ({ custodian: custodians[i]!, envelope, fingerprint: shareFingerprint(envelope.share) }));
  await ctx.acknowledge(step, `KEK split ${step.action.threshold} of ${step.action.shares}`, `Share set ${backup.shareSetId}: any ${step.action.threshold} of the ${step.action.shares} custodians together can rebuild the KEK; fewer cannot. Share fingerprints: ${backup.shares.map((s) => `${s.envelope.member}:${s.fingerprint}`).join(' ')}.`);
};

/** The backup section of a script that makes a backup (root ceremony, rotation). */
export function backupSection(ctx: RunContext): BackupSection {
  if (ctx.script.kind !== 'root-key-generation' && ctx.script.kind !== 'custodian-rotation') throw new Error(`A ${ctx.script.kind} ceremony makes no backup.`);
  return ctx.script.backup;
}
