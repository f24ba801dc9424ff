import { createHash } from 'node:crypto';
import { PkiError } from './pki-error.js';
import { subjectPublicKeyInfoParts } from './public-key.js';
import { RecentResults } from './recent-results.js';

/** An issuance needs the CSR's key identifier for its SKI and for the SKI lint before and after signing. */
const recentKeyIdentifiers = new RecentResults<Uint8Array>(4);

/**
 * The key identifier of a public key: RFC 7093 §2 method 1, the leftmost 160
 * bits of the SHA-256 of the subjectPublicKey BIT STRING's value. The HSM
 * layer names key pairs the same way (CKA_ID), so a certificate's
 * subjectKeyIdentifier equals the CKA_ID of the key it certifies.
 * @throws PkiError PKI_PUBLIC_KEY_INVALID when the bytes are not a SubjectPublicKeyInfo.
 */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  // A copy: the remembered identifier must not change if a caller changes what it got.
  return new Uint8Array(recentKeyIdentifiers.get(spki, computeKeyIdentifier));
}

function computeKeyIdentifier(spki: Uint8Array): Uint8Array {
  const [, bitString] = subjectPublicKeyInfoParts(spki) ?? [];
  if (!bitString) throw new PkiError('PKI_PUBLIC_KEY_INVALID', 'Not a SubjectPublicKeyInfo: cannot compute its key identifier.');
  // The BIT STRING's value: its content after the unused-bits octet.
  return new Uint8Array(createHash('sha256').update(bitString.content.subarray(1)).digest().subarray(0, 20));
}
