import * as asn1js from 'asn1js';
import { PkiError } from '../pki-error.js';
import { isContextTag, primitiveContent } from './extension.js';

/**
 * A GeneralName uniformResourceIdentifier ([6] IA5String, RFC 5280 §4.2.1.6).
 * @throws PkiError PKI_URI_INVALID when the text is not an absolute ASCII URI.
 */
export function uriGeneralName(uri: string): asn1js.Primitive {
  if (!/^[\x21-\x7e]+$/.test(uri) || !URL.canParse(uri)) {
    throw new PkiError('PKI_URI_INVALID', `"${uri}" is not an absolute URI in plain ASCII (e.g. http://crl.example.com/root.crl).`);
  }
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 6 }, valueHex: new TextEncoder().encode(uri) });
}

/** The URI of a GeneralName, or undefined when it is another kind of name. */
export function readUriGeneralName(node: asn1js.AsnType): string | undefined {
  if (!isContextTag(node, 6) || node.idBlock.isConstructed) return undefined;
  return Buffer.from(primitiveContent(node)).toString('latin1');
}

/** Whether a URI uses plain http, as BR §7.1.2.11.2 and §7.1.2.10.3 require for CRLs and caIssuers. */
export function isHttpUri(uri: string): boolean {
  return /^http:\/\/[^/?#\s]+/.test(uri) && URL.canParse(uri);
}
