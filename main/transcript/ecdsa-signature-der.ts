import * as asn1js from 'asn1js';

/**
 * ECDSA signatures between PKCS#11 and CMS. PKCS#11 CKM_ECDSA returns r || s,
 * each as long as the curve's order (IEEE P1363); CMS (RFC 5753 §2.1.1, via
 * RFC 3279 §2.2.3) wants Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }.
 * Kept local to the seal: main/pki had no shared converter when this was written.
 */

/**
 * DER-encodes a raw r || s signature as Ecdsa-Sig-Value.
 * @throws Error when the input is empty or of odd length (not r || s).
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`An ECDSA signature r || s has an even, non-zero length; got ${raw.length} bytes.`);
  const half = raw.length / 2;
  const sequence = new asn1js.Sequence({
    value: [asn1js.Integer.fromBigInt(toBigInt(raw.subarray(0, half))), asn1js.Integer.fromBigInt(toBigInt(raw.subarray(half)))],
  });
  return new Uint8Array(sequence.toBER(false));
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}
