import * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import { PkiError } from './pki-error.js';
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
  const parsed = asn1js.fromBER(spki);
  const bitString = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[1] : undefined;
  if (parsed.offset === -1 || !(bitString instanceof asn1js.BitString)) {
    throw new PkiError('PKI_PUBLIC_KEY_INVALID', 'Not a SubjectPublicKeyInfo: cannot compute its key identifier.');
  }
  return new Uint8Array(createHash('sha256').update(bitString.valueBlock.valueHexView).digest().subarray(0, 20));
}
