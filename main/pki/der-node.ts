import { assertStrictDer } from './der-strict.js';
import type { PkiErrorCode } from './pki-error.js';

/**
 * A DER value as a tree of views into its bytes: what the certificate, CRL
 * and CSR readers walk. assertStrictDer has already refused anything that is
 * not strict DER (one value, definite shortest lengths, single-byte tags,
 * minimal INTEGERs and OIDs, sorted SETs), so building the tree only splits
 * tags and lengths; it decodes no value. Reading a certificate this way costs
 * a small part of what a general BER decoder (asn1js) spends on the same bytes,
 * which matters when a ceremony signs a thousand certificates.
 */
export interface DerNode {
  /** 1 universal, 2 application, 3 context-specific, 4 private (asn1js's numbering, which messages show). */
  tagClass: 1 | 2 | 3 | 4;
  tagNumber: number;
  constructed: boolean;
  /** The whole encoding: identifier, length and content. */
  der: Uint8Array;
  content: Uint8Array;
  /** The elements of a constructed value; empty for a primitive one. */
  children: DerNode[];
}

/**
 * Checks that bytes are strict DER and gives their tree.
 * @throws PkiError with `code`, naming the first problem and its byte offset.
 */
export function readStrictDer(bytes: Uint8Array, what: string, code: PkiErrorCode): DerNode {
  assertStrictDer(bytes, what, code);
  return nodeAt(bytes, 0);
}

function nodeAt(bytes: Uint8Array, start: number): DerNode {
  const identifier = bytes[start]!;
  let length = bytes[start + 1]!;
  let contentStart = start + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + 2 + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  const constructed = (identifier & 0x20) !== 0;
  const children: DerNode[] = [];
  if (constructed) {
    for (let offset = contentStart; offset < end; offset += children[children.length - 1]!.der.length) children.push(nodeAt(bytes, offset));
  }
  return {
    tagClass: ((identifier >> 6) + 1) as DerNode['tagClass'],
    tagNumber: identifier & 0x1f,
    constructed,
    der: bytes.subarray(start, end),
    content: bytes.subarray(contentStart, end),
    children,
  };
}

/** Universal tag numbers (X.680 §8.4) the readers look for. */
export const UNIVERSAL = { boolean: 1, integer: 2, bitString: 3, octetString: 4, null: 5, oid: 6, utcTime: 23, generalizedTime: 24, sequence: 16, set: 17 } as const;

/** Whether a node is the universal type with this tag number. */
export function isUniversal(node: DerNode | undefined, tagNumber: number): node is DerNode {
  return node !== undefined && node.tagClass === 1 && node.tagNumber === tagNumber;
}

/** Whether a node carries this context-specific tag ([n]). */
export function isContext(node: DerNode | undefined, tagNumber: number): boolean {
  return node !== undefined && node.tagClass === 3 && node.tagNumber === tagNumber;
}

/** The elements of a SEQUENCE, or undefined when the node is not one. */
export function sequenceOf(node: DerNode | undefined): DerNode[] | undefined {
  return isUniversal(node, UNIVERSAL.sequence) && node.constructed ? node.children : undefined;
}

/** An OBJECT IDENTIFIER's dotted form (X.690 §8.19: base-128 sub-identifiers, the first two combined). */
export function oidText(node: DerNode): string {
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of node.content) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte < 0x80) {
      arcs.push(value);
      value = 0n;
    }
  }
  const first = arcs.shift() ?? 0n;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs].join('.');
}

/** An INTEGER's value (two's complement, X.690 §8.3.3). */
export function integerValue(node: DerNode): bigint {
  let value = 0n;
  for (const byte of node.content) value = (value << 8n) | BigInt(byte);
  const negative = (node.content[0] ?? 0) >= 0x80;
  return negative ? value - (1n << BigInt(8 * node.content.length)) : value;
}
