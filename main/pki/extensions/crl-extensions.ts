import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { parseExactly, toDer, type ExtensionValue } from './extension.js';

/** cRLNumber, non-critical (RFC 5280 §5.2.3): a non-negative integer of at most 20 octets. */
export function crlNumberExtension(crlNumber: bigint): ExtensionValue {
  return { oid: EXTENSION.cRLNumber, critical: false, value: toDer(asn1js.Integer.fromBigInt(crlNumber)) };
}

/** Reads cRLNumber; undefined when malformed. */
export function readCrlNumber(value: Uint8Array): { value: bigint; octets: number } | undefined {
  const node = parseExactly(value);
  if (!(node instanceof asn1js.Integer)) return undefined;
  return { value: node.toBigInt(), octets: node.valueBlock.valueHexView.length };
}

/** CRLReason codes (RFC 5280 §5.3.1). */
export const REASON_CODES = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type ReasonName = keyof typeof REASON_CODES;

/** reasonCode, non-critical (RFC 5280 §5.3.1, BR §7.2.2.1). */
export function reasonCodeExtension(code: number): ExtensionValue {
  return { oid: EXTENSION.reasonCode, critical: false, value: toDer(new asn1js.Enumerated({ value: code })) };
}

/** Reads reasonCode; undefined when malformed. */
export function readReasonCode(value: Uint8Array): number | undefined {
  const node = parseExactly(value);
  return node instanceof asn1js.Enumerated ? node.valueBlock.valueDec : undefined;
}

/** The name of a reason code, or its number. */
export function reasonName(code: number): string {
  return Object.entries(REASON_CODES).find(([, c]) => c === code)?.[0] ?? String(code);
}
