import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { parseExactly, primitiveContent, toDer, type ExtensionValue } from './extension.js';

/** KeyUsage bits, in bit order (RFC 5280 §4.2.1.3). */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'contentCommitment',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsageBit = (typeof KEY_USAGE_BITS)[number];

/**
 * keyUsage, always critical (BR §7.1.2.1.2, §7.1.2.10.7 and RFC 5280
 * §4.2.1.3's SHOULD). A named bit list in DER drops trailing zero bits
 * (X.690 §11.2.2), so keyCertSign + cRLSign is 03 02 01 06.
 */
export function keyUsageExtension(bits: readonly KeyUsageBit[]): ExtensionValue {
  const positions = bits.map((bit) => KEY_USAGE_BITS.indexOf(bit));
  const highest = Math.max(...positions);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const p of positions) bytes[p >> 3]! |= 0x80 >> (p & 7);
  const bitString = new asn1js.BitString({ unusedBits: 7 - (highest % 8), valueHex: bytes });
  return { oid: EXTENSION.keyUsage, critical: true, value: toDer(bitString) };
}

/** Reads keyUsage; undefined when malformed, empty, or not in DER form (trailing zero bits). */
export function readKeyUsage(value: Uint8Array): KeyUsageBit[] | undefined {
  const node = parseExactly(value);
  if (!(node instanceof asn1js.BitString)) return undefined;
  const content = primitiveContent(node);
  const unused = content[0] ?? 0;
  const bytes = content.subarray(1);
  if (bytes.length === 0 || bytes.length > 2 || unused > 7) return undefined;
  const last = bytes[bytes.length - 1]!;
  if ((last & (1 << unused)) === 0) return undefined;
  const bits: KeyUsageBit[] = [];
  KEY_USAGE_BITS.forEach((bit, p) => {
    if (((bytes[p >> 3] ?? 0) & (0x80 >> (p & 7))) !== 0) bits.push(bit);
  });
  return bits;
}
