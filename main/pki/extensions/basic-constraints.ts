import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { parseExactly, sequenceItems, toDer, type ExtensionValue } from './extension.js';

export interface BasicConstraints {
  ca: boolean;
  /** pathLenConstraint; absent means unlimited (RFC 5280 §4.2.1.9). */
  pathLength?: number;
}

/**
 * basicConstraints, always critical: RFC 5280 §4.2.1.9 requires it for CA
 * certificates, and marking it critical for the audit certificate too stops a
 * verifier that does not understand it from treating the key as a CA.
 */
export function basicConstraintsExtension(value: BasicConstraints): ExtensionValue {
  const items: asn1js.AsnType[] = [];
  // DER (X.690 §11.5): cA DEFAULT FALSE is omitted when false.
  if (value.ca) items.push(new asn1js.Boolean({ value: true }));
  if (value.pathLength !== undefined) items.push(new asn1js.Integer({ value: value.pathLength }));
  return { oid: EXTENSION.basicConstraints, critical: true, value: toDer(new asn1js.Sequence({ value: items })) };
}

/** Reads basicConstraints; undefined when malformed or not in DER (an explicit cA FALSE). */
export function readBasicConstraints(value: Uint8Array): BasicConstraints | undefined {
  const items = sequenceItems(parseExactly(value));
  if (!items || items.length > 2) return undefined;
  let index = 0;
  let ca = false;
  const first = items[0];
  if (first instanceof asn1js.Boolean) {
    if (!first.getValue()) return undefined;
    ca = true;
    index = 1;
  }
  const rest = items.slice(index);
  if (rest.length === 0) return { ca };
  const pathLength = rest[0];
  if (rest.length !== 1 || !(pathLength instanceof asn1js.Integer)) return undefined;
  const n = pathLength.toBigInt();
  if (n < 0n || n > 255n) return undefined;
  return { ca, pathLength: Number(n) };
}
