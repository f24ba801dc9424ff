import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { HsmSession } from '../hsm/hsm-session.js';
import type { KeyPairInfo, KeyPairType, SecretKeyInfo, SignatureAlgorithm } from '../hsm/key-spec.js';
import type { BackedUpKey } from './backup-file.js';
import { CustodyError } from './custody-error.js';

/** How a restored key was proven to be the key that was backed up (public facts, for the transcript). */
export interface KeyProof {
  label: string;
  class: 'private' | 'secret';
  id: string;
  /** Key pairs: SHA-256 of the recorded SPKI the signature verified under. */
  spkiSha256?: string;
  /** Secret keys: the KCV the HSM computes for the restored key, equal to the recorded one. */
  kcv?: string;
  /** What was checked, in words. */
  proof: string;
}

const SIGNATURE: Record<string, { algorithm: SignatureAlgorithm; hash: string; ecdsa: boolean }> = {
  'P-256': { algorithm: 'ecdsa-sha256', hash: 'sha256', ecdsa: true },
  'P-384': { algorithm: 'ecdsa-sha384', hash: 'sha384', ecdsa: true },
  'P-521': { algorithm: 'ecdsa-sha512', hash: 'sha512', ecdsa: true },
  rsa: { algorithm: 'rsa-pkcs1-sha256', hash: 'sha256', ecdsa: false },
};

/**
 * Proves a restored key is the one backed up. A private key signs a fresh
 * random challenge in the HSM and the signature must verify (in node:crypto)
 * under the SPKI recorded in backup.json, and the token's public half must
 * be that SPKI; a secret key's KCV, computed by the HSM, must equal the
 * recorded KCV. Label and CKA_ID must be the recorded ones.
 * @throws CustodyError backup.proof-failed naming the key and what differed.
 */
export async function proveRestoredKey(session: HsmSession, recorded: BackedUpKey, restored: KeyPairInfo | SecretKeyInfo): Promise<KeyProof> {
  const fail = (what: string) => new CustodyError('backup.proof-failed', `Restored key "${recorded.label}" is not the key that was backed up: ${what}. Destroy it and stop the recovery.`);
  if (restored.label !== recorded.label || restored.id !== recorded.id) throw fail(`it came back as "${restored.label}" with CKA_ID ${restored.id}, not ${recorded.id}`);
  if (recorded.class === 'secret') {
    const kcv = (restored as SecretKeyInfo).kcv;
    if (kcv !== recorded.kcv) throw fail(`its KCV is ${kcv}, the backup records ${recorded.kcv}`);
    return { label: recorded.label, class: 'secret', id: recorded.id, kcv, proof: `KCV ${kcv} computed by the HSM equals the recorded KCV` };
  }
  const spki = Buffer.from(recorded.spki, 'base64');
  if (!Buffer.from((restored as KeyPairInfo).spki).equals(spki)) throw fail('its public key on the token differs from the recorded SPKI');
  const scheme = SIGNATURE[recorded.type.kind === 'ec' ? recorded.type.curve : 'rsa']!;
  const challenge = randomBytes(32);
  const signer = await session.signer(recorded.label);
  const signature = await signer.sign(scheme.algorithm, challenge);
  const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  const valid = verify(scheme.hash, challenge, scheme.ecdsa ? { key: publicKey, dsaEncoding: 'ieee-p1363' } : publicKey, signature);
  if (!valid) throw fail('its signature does not verify under the recorded SPKI');
  const spkiSha256 = createHash('sha256').update(spki).digest('hex');
  return { label: recorded.label, class: 'private', id: recorded.id, spkiSha256, proof: `${scheme.algorithm} signature over a random challenge verifies under the recorded SPKI (${describe(recorded.type)})` };
}

function describe(type: KeyPairType): string {
  return type.kind === 'ec' ? `EC ${type.curve}` : `RSA ${type.bits}`;
}
