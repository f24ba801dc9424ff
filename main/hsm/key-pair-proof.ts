import { createHash, createPublicKey, verify } from 'node:crypto';
import type * as graphene from 'graphene-pk11';
import type { KeyPairType } from './key-spec.js';

/**
 * Whether a private key on the token is the private half of `spki`: the HSM
 * signs `challenge` with it and node:crypto verifies under the SPKI. After an
 * unwrap the public half is rebuilt from the SPKI recorded in the backup, so
 * without this proof a backup whose entries were mixed up or altered would
 * restore a "pair" whose halves do not belong together.
 */
export function provesPublicKey(session: graphene.Session, privateKey: graphene.PrivateKey, type: KeyPairType, spki: Uint8Array, challenge: Buffer): boolean {
  const publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  if (type.kind === 'ec') {
    // SoftHSM offers only CKM_ECDSA: the digest is computed here (STACK-NOTES.md).
    const signature = session.createSign('ECDSA', privateKey).once(createHash('sha256').update(challenge).digest());
    return verify('sha256', challenge, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  }
  const signature = session.createSign('SHA256_RSA_PKCS', privateKey).once(challenge);
  return verify('sha256', challenge, publicKey, signature);
}
