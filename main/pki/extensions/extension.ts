import * as asn1js from 'asn1js';
import { RecentResults } from '../recent-results.js';

/** An extension as it goes into (or came out of) a certificate or CRL. */
export interface ExtensionValue {
  oid: string;
  critical: boolean;
  /** The DER inside extnValue's OCTET STRING. */
  value: Uint8Array;
}

/** Encodes an asn1js value to DER bytes. */
export function toDer(node: asn1js.AsnType): Uint8Array {
  return new Uint8Array(node.toBER(false));
}

/**
 * The extension values of one certificate are decoded by the lints before
 * signing, again after, and by the summary; the values a profile fixes recur
 * in every certificate of a batch. Twelve covers one certificate's extensions.
 */
const recentValues = new RecentResults<asn1js.AsnType | undefined>(12);

/**
 * Parses bytes that must be exactly one ASN.1 value; undefined when they are not.
 * The result is shared with other readers of equal bytes: read it, never change it.
 */
export function parseExactly(bytes: Uint8Array): asn1js.AsnType | undefined {
  return recentValues.get(bytes, parseCopy);
}

function parseCopy(bytes: Uint8Array): asn1js.AsnType | undefined {
  // A private copy: asn1js keeps views into what it parsed, and the caller's buffer may change.
  const own = new Uint8Array(bytes);
  const parsed = asn1js.fromBER(own);
  if (parsed.offset !== own.length || parsed.result.error) return undefined;
  return parsed.result;
}

/** The children of a SEQUENCE, or undefined when the node is not one. */
export function sequenceItems(node: asn1js.AsnType | undefined): asn1js.AsnType[] | undefined {
  return node instanceof asn1js.Sequence ? node.valueBlock.value : undefined;
}

/** Whether a node carries this context-specific tag ([n]). */
export function isContextTag(node: asn1js.AsnType | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber;
}

/** The content octets of a primitive value (what follows tag and length). */
export function primitiveContent(node: asn1js.AsnType): Uint8Array {
  const whole = node.valueBeforeDecodeView;
  if (whole.length < 2) return new Uint8Array();
  const first = whole[1]!;
  return whole.subarray(first < 0x80 ? 2 : 2 + (first & 0x7f));
}
