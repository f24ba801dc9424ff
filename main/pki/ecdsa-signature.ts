import * as asn1js from 'asn1js';
import { PkiError } from './pki-error.js';

/**
 * PKCS#11 CKM_ECDSA returns r || s, each as long as the curve's order
 * (IEEE P1363). X.509 and CMS carry ECDSA-Sig-Value ::= SEQUENCE { r INTEGER,
 * s INTEGER } (RFC 5480 §2.2, RFC 3279 §2.2.3), DER-encoded.
 * @throws PkiError PKI_SIGNATURE_CHECK_FAILED when the input cannot be a raw signature.
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new PkiError('PKI_SIGNATURE_CHECK_FAILED', `The HSM returned a ${raw.length}-byte ECDSA signature; r || s must have an even, non-zero length.`);
  }
  const half = raw.length / 2;
  const sequence = new asn1js.Sequence({
    value: [derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half))],
  });
  return new Uint8Array(sequence.toBER(false));
}

/** An unsigned big-endian number as a minimal, positive DER INTEGER (X.690 §8.3.2). */
function derInteger(unsigned: Uint8Array): asn1js.Integer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const digits = unsigned.subarray(start);
  const content = digits[0]! >= 0x80 ? Uint8Array.of(0, ...digits) : Uint8Array.from(digits);
  return new asn1js.Integer({ valueHex: content });
}
