import type { KeyPairInfo, SecretKeyInfo } from '../../hsm/key-spec.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import { requireSource } from './source-bundle.js';
import { tokenKeyOfBackup } from './token-key-checks.js';

/**
 * A custodian rotation's keys to re-wrap: every key of the old backup, found
 * on the token by its label and checked to be the backed-up key (CKA_ID, and
 * SPKI or KCV), so the new backup holds exactly the keys the old one did.
 * Named by label (a rotation's script names no keys).
 * @throws CeremonyError PREFLIGHT_FAILED when a key is missing or differs.
 */
export async function oldBackupKeysOnToken(ctx: RunContext): Promise<{ name: string; info: KeyPairInfo | SecretKeyInfo }[]> {
  const source = await requireSource(ctx);
  if (!source.backup) throw new CeremonyError('SOURCE_INVALID', `The source bundle ${source.dir} holds no backup to re-wrap.`);
  const session = ctx.requireSession();
  const keys: { name: string; info: KeyPairInfo | SecretKeyInfo }[] = [];
  for (const recorded of source.backup.keys) {
    const info = await tokenKeyOfBackup(session, recorded);
    if (!info) throw new CeremonyError('PREFLIGHT_FAILED', `Token "${session.token.label}" no longer holds "${recorded.label}" of the old backup. Nothing was re-wrapped.`);
    keys.push({ name: recorded.label, info });
  }
  return keys;
}
