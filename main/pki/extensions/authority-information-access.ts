import * as asn1js from 'asn1js';
import { ACCESS_METHOD, EXTENSION } from './oids.js';
import { parseExactly, sequenceItems, toDer, type ExtensionValue } from './extension.js';
import { readUriGeneralName, uriGeneralName } from './uri-general-name.js';

export interface AuthorityInformationAccess {
  /** Where the issuer's certificate can be fetched (id-ad-caIssuers). */
  caIssuers: readonly string[];
  /** OCSP responders (id-ad-ocsp). */
  ocsp: readonly string[];
}

/**
 * authorityInfoAccess, non-critical (RFC 5280 §4.2.2.1, BR §7.1.2.10.3):
 * OCSP responders first, then caIssuers.
 * @throws PkiError PKI_URI_INVALID
 */
export function authorityInformationAccessExtension(access: AuthorityInformationAccess): ExtensionValue {
  const describe = (method: string, uri: string) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: method }), uriGeneralName(uri)] });
  const items = [...access.ocsp.map((u) => describe(ACCESS_METHOD.ocsp, u)), ...access.caIssuers.map((u) => describe(ACCESS_METHOD.caIssuers, u))];
  return { oid: EXTENSION.authorityInfoAccess, critical: false, value: toDer(new asn1js.Sequence({ value: items })) };
}

export interface AccessDescription {
  method: string;
  /** The location, when it is a URI. */
  uri?: string;
}

/** Reads authorityInfoAccess; undefined when malformed or empty. */
export function readAuthorityInformationAccess(value: Uint8Array): AccessDescription[] | undefined {
  const items = sequenceItems(parseExactly(value));
  if (!items || items.length === 0) return undefined;
  const result: AccessDescription[] = [];
  for (const item of items) {
    const parts = sequenceItems(item);
    const [method, location] = parts ?? [];
    if (parts?.length !== 2 || !(method instanceof asn1js.ObjectIdentifier) || !location) return undefined;
    const uri = readUriGeneralName(location);
    result.push({ method: method.valueBlock.toString(), ...(uri !== undefined ? { uri } : {}) });
  }
  return result;
}
