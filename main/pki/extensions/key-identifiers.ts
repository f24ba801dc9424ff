import * as asn1js from 'asn1js';
import { EXTENSION } from './oids.js';
import { isContextTag, parseExactly, primitiveContent, sequenceItems, toDer, type ExtensionValue } from './extension.js';

/** subjectKeyIdentifier, non-critical (RFC 5280 §4.2.1.2). */
export function subjectKeyIdentifierExtension(keyId: Uint8Array): ExtensionValue {
  return { oid: EXTENSION.subjectKeyIdentifier, critical: false, value: toDer(new asn1js.OctetString({ valueHex: keyId })) };
}

/** Reads subjectKeyIdentifier; undefined when malformed or empty. */
export function readSubjectKeyIdentifier(value: Uint8Array): Uint8Array | undefined {
  const node = parseExactly(value);
  if (!(node instanceof asn1js.OctetString) || node.idBlock.isConstructed) return undefined;
  const keyId = primitiveContent(node);
  return keyId.length > 0 ? keyId : undefined;
}

/**
 * authorityKeyIdentifier with keyIdentifier only, non-critical (RFC 5280
 * §4.2.1.1; BR §7.1.2.11.1 forbids authorityCertIssuer and authorityCertSerialNumber).
 */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): ExtensionValue {
  const keyIdentifier = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId });
  return { oid: EXTENSION.authorityKeyIdentifier, critical: false, value: toDer(new asn1js.Sequence({ value: [keyIdentifier] })) };
}

export interface AuthorityKeyIdentifier {
  keyIdentifier?: Uint8Array;
  /** Whether authorityCertIssuer or authorityCertSerialNumber is present. */
  hasIssuerAndSerial: boolean;
}

/** Reads authorityKeyIdentifier; undefined when malformed. */
export function readAuthorityKeyIdentifier(value: Uint8Array): AuthorityKeyIdentifier | undefined {
  const items = sequenceItems(parseExactly(value));
  if (!items) return undefined;
  const first = items[0];
  const hasKeyId = isContextTag(first, 0) && !first!.idBlock.isConstructed;
  const rest = hasKeyId ? items.slice(1) : items;
  if (!rest.every((item) => isContextTag(item, 1) || isContextTag(item, 2))) return undefined;
  return { ...(hasKeyId ? { keyIdentifier: primitiveContent(first!) } : {}), hasIssuerAndSerial: rest.length > 0 };
}
