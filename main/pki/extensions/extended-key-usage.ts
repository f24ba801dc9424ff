import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { parseExactly, sequenceItems, toDer, type ExtensionValue } from './extension.js';

/** extKeyUsage, non-critical (BR §7.1.2.10.6 for CAs, §7.1.2.7.10 for others). */
export function extendedKeyUsageExtension(purposes: readonly string[]): ExtensionValue {
  const items = purposes.map((oid) => new asn1js.ObjectIdentifier({ value: oid }));
  return { oid: EXTENSION.extKeyUsage, critical: false, value: toDer(new asn1js.Sequence({ value: items })) };
}

/** Reads extKeyUsage as a list of OIDs; undefined when malformed or empty. */
export function readExtendedKeyUsage(value: Uint8Array): string[] | undefined {
  const items = sequenceItems(parseExactly(value));
  if (!items || items.length === 0 || !items.every((i) => i instanceof asn1js.ObjectIdentifier)) return undefined;
  return items.map((i) => (i as asn1js.ObjectIdentifier).valueBlock.toString());
}
