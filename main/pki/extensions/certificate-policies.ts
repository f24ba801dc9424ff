import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { parseExactly, sequenceItems, toDer, type ExtensionValue } from './extension.js';

/** certificatePolicies with policy identifiers only, non-critical (BR §7.1.2.10.5, RFC 5280 §4.2.1.4). */
export function certificatePoliciesExtension(policies: readonly string[]): ExtensionValue {
  const items = policies.map((oid) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid })] }));
  return { oid: EXTENSION.certificatePolicies, critical: false, value: toDer(new asn1js.Sequence({ value: items })) };
}

export interface PolicyInformation {
  oid: string;
  hasQualifiers: boolean;
}

/** Reads certificatePolicies; undefined when malformed or empty. */
export function readCertificatePolicies(value: Uint8Array): PolicyInformation[] | undefined {
  const items = sequenceItems(parseExactly(value));
  if (!items || items.length === 0) return undefined;
  const policies: PolicyInformation[] = [];
  for (const item of items) {
    const parts = sequenceItems(item);
    const id = parts?.[0];
    if (!parts || parts.length > 2 || !(id instanceof asn1js.ObjectIdentifier)) return undefined;
    policies.push({ oid: id.valueBlock.toString(), hasQualifiers: parts.length === 2 });
  }
  return policies;
}
