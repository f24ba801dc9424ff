import { createHash } from 'node:crypto';
import type { BackedUpKey } from '../../custody/backup-file.js';
import type { HsmSession } from '../../hsm/hsm-session.js';
import type { KeyPairInfo, SecretKeyInfo } from '../../hsm/key-spec.js';
import { readCertificate } from '../../pki/certificate-view.js';
import { CeremonyError } from '../runner/ceremony-error.js';

/**
 * The key pair labelled `label` on the token, checked to be the key the
 * certificate certifies: its SubjectPublicKeyInfo, byte for byte, is the
 * certificate's. A token holding another key under the expected label (a
 * different HSM, a key regenerated since) is stopped here, before it signs
 * or seals anything.
 * @throws CeremonyError PREFLIGHT_FAILED when the key is missing or differs.
 */
export async function keyMatchingCertificate(session: HsmSession, label: string, certificateName: string, certificateDer: Uint8Array): Promise<KeyPairInfo> {
  const key = await session.findKeyPair(label);
  if (!key) throw new CeremonyError('PREFLIGHT_FAILED', `Token "${session.token.label}" holds no key pair labelled "${label}". Check that this is the right token.`);
  const certified = readCertificate(certificateDer).spki;
  if (!Buffer.from(key.spki).equals(Buffer.from(certified))) {
    throw new CeremonyError(
      'PREFLIGHT_FAILED',
      `The key "${label}" on token "${session.token.label}" (SPKI SHA-256 ${key.spkiSha256}) is not the key certs/${certificateName}.pem certifies (SPKI SHA-256 ${sha256(certified)}). Nothing was signed. Check the token and the source bundle: they are not of the same CA.`,
    );
  }
  return key;
}

/**
 * The key of a backup entry as it is on the token now, checked to be the
 * backed-up key: same CKA_ID, and the same public key (key pair) or key
 * check value (secret key). Undefined when the token holds no such key.
 * @throws CeremonyError PREFLIGHT_FAILED when a key with that label differs from the record.
 */
export async function tokenKeyOfBackup(session: HsmSession, recorded: BackedUpKey): Promise<KeyPairInfo | SecretKeyInfo | undefined> {
  const key = recorded.class === 'private' ? await session.findKeyPair(recorded.label) : await session.findSecretKey(recorded.label);
  if (!key) return undefined;
  const differs = (what: string) =>
    new CeremonyError('PREFLIGHT_FAILED', `The key "${recorded.label}" on token "${session.token.label}" is not the one in the backup: ${what}. Nothing was done. Check that this is the token the backup was made from.`);
  if (key.id !== recorded.id) throw differs(`its CKA_ID is ${key.id}, the backup records ${recorded.id}`);
  if ('kcv' in key) {
    if (recorded.class !== 'secret' || key.kcv !== recorded.kcv) throw differs(`its key check value is ${key.kcv}, the backup records ${recorded.class === 'secret' ? recorded.kcv : 'a key pair'}`);
  } else if (recorded.class !== 'private' || !Buffer.from(key.spki).equals(Buffer.from(recorded.spki, 'base64'))) {
    throw differs(`its public key (SPKI SHA-256 ${key.spkiSha256}) is not the recorded one`);
  }
  return key;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
