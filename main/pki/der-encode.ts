import * as asn1js from 'asn1js';

/**
 * DER assembly around values that are already encoded: a SEQUENCE or a
 * context tag whose content is given as exact bytes. Certificates carry names,
 * keys and AlgorithmIdentifiers as the very bytes that were checked (the CSR's
 * key, the issuer's subject, the BR's fixed encodings); wrapping them, rather
 * than decoding them into objects and encoding those again, keeps them intact.
 * The values themselves (INTEGER, OID, times, …) are encoded by asn1js.
 */

/** One TLV: the identifier octet, a definite length in its shortest form (X.690 §8.1.3.3, §10.1), then the content. */
export function derTlv(identifier: number, content: readonly Uint8Array[]): Uint8Array {
  const length = content.reduce((sum, part) => sum + part.length, 0);
  const lengthBytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256);
  const header = length < 0x80 ? [identifier, length] : [identifier, 0x80 | lengthBytes.length, ...lengthBytes];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let offset = header.length;
  for (const part of content) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** SEQUENCE (X.690 §8.9) around already-encoded elements. */
export function derSequence(elements: readonly Uint8Array[]): Uint8Array {
  return derTlv(0x30, elements);
}

/** OIDs encoded once (by asn1js): the same few recur in every name and certificate. */
const encodedOids = new Map<string, Uint8Array>();

/** An OBJECT IDENTIFIER (X.690 §8.19), shared: copy it before changing it. */
export function derOid(oid: string): Uint8Array {
  let encoded = encodedOids.get(oid);
  if (encoded === undefined) {
    encoded = new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER(false));
    encodedOids.set(oid, encoded);
  }
  return encoded;
}
