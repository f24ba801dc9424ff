import { HsmError } from '../hsm/hsm-error.js';
import type { HsmSession, SessionKey } from '../hsm/hsm-session.js';
import type { KeyPairInfo, SecretKeyInfo } from '../hsm/key-spec.js';
import type { UnwrapTarget } from '../hsm/unwrap-template.js';
import type { BackedUpKey, BackupFile } from './backup-file.js';
import { CustodyError } from './custody-error.js';
import { kekCheckValue } from './kek-check-value.js';
import { SESSION_KEK_LABEL } from './key-backup.js';
import { proveRestoredKey, type KeyProof } from './restored-key-proof.js';

/**
 * Restores a backup into the token of `session` (usually not the token the
 * keys were made on): checks the rebuilt KEK's KCV, refuses if any label is
 * already taken, imports the KEK as a wrap/unwrap-only session key, unwraps
 * every key with its recorded label, CKA_ID and attributes, and proves each
 * (proveRestoredKey). If any key fails to unwrap or to prove, the keys this
 * call restored are destroyed again, so the token is left as it was.
 * The KEK is the caller's to zero; its session copy is destroyed here.
 * @throws CustodyError kek.kcv-mismatch, backup.label-taken, backup.tampered (naming the key), backup.proof-failed.
 */
export async function restoreBackup(session: HsmSession, backup: BackupFile, kek: Uint8Array): Promise<KeyProof[]> {
  const kcv = kekCheckValue(kek);
  if (kcv !== backup.kek.kcv) {
    throw new CustodyError('kek.kcv-mismatch', `The KEK's check value is ${kcv}, but backup.json records ${backup.kek.kcv}: these shares are not for this backup. Nothing was restored.`);
  }
  for (const key of backup.keys) {
    const existing = key.class === 'private' ? await session.findKeyPair(key.label) : await session.findSecretKey(key.label);
    if (existing) {
      throw new CustodyError('backup.label-taken', `Token "${session.token.label}" already has a key labelled "${key.label}". Nothing was restored: restore into an empty token, or destroy that key first.`);
    }
  }
  const sessionKek = await session.importAesKey(kek, { label: SESSION_KEK_LABEL });
  const restored: BackedUpKey[] = [];
  try {
    const proofs: KeyProof[] = [];
    for (const key of backup.keys) {
      const info = await unwrapOne(session, sessionKek, key);
      restored.push(key);
      proofs.push(await proveRestoredKey(session, key, info));
    }
    return proofs;
  } catch (error) {
    for (const key of restored) await session.destroyKey({ label: key.label, class: key.class });
    throw error;
  } finally {
    await session.destroySessionKey(sessionKek);
  }
}

async function unwrapOne(session: HsmSession, kek: SessionKey, key: BackedUpKey): Promise<KeyPairInfo | SecretKeyInfo> {
  const wrapped = Buffer.from(key.wrapped, 'base64');
  const target: UnwrapTarget =
    key.class === 'private'
      ? { class: 'private', label: key.label, id: key.id, type: key.type, extractable: key.attributes.extractable, spki: Buffer.from(key.spki, 'base64') }
      : { class: 'secret', label: key.label, id: key.id, type: key.type, extractable: key.attributes.extractable };
  try {
    return await session.unwrapKey(kek, wrapped, target);
  } catch (error) {
    if (error instanceof HsmError && error.code === 'WRAPPED_KEY_INVALID') {
      throw new CustodyError('backup.tampered', `The wrapped bytes of "${key.label}" in backup.json do not unwrap under the rebuilt KEK (its KCV matched): backup.json was altered or damaged. Nothing was restored; use the other copy of the backup.`);
    }
    throw error;
  }
}
