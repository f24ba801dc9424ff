import { derOid, derSequence, derTlv } from './der-encode.js';
import { isUniversal, oidText, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { PkiError } from './pki-error.js';

/** The attribute types a script may put in a subject, by their usual short names. */
export type NameAttributeType = 'C' | 'ST' | 'L' | 'postalCode' | 'street' | 'O' | 'OU' | 'CN' | 'serialNumber' | 'organizationIdentifier' | 'DC';

/** One attribute of a distinguished name, e.g. { type: 'CN', value: 'Example Root CA' }. */
export interface NameAttribute {
  type: NameAttributeType;
  value: string;
}

/** A distinguished name as an ordered list: each attribute becomes its own RDN, in this order. */
export type DistinguishedName = readonly NameAttribute[];

export const ATTRIBUTE_OIDS: Record<NameAttributeType, string> = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  postalCode: '2.5.4.17',
  street: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organizationIdentifier: '2.5.4.97',
  DC: '0.9.2342.19200300.100.1.25',
};

const TYPE_BY_OID = new Map(Object.entries(ATTRIBUTE_OIDS).map(([type, oid]) => [oid, type as NameAttributeType]));
const EXTRA_NAMES: Record<string, string> = { '1.2.840.113549.1.9.1': 'emailAddress', '2.5.4.4': 'SN', '2.5.4.42': 'GN' };

/** The short name of an attribute OID, or the OID itself when it has none. */
export function attributeName(oid: string): string {
  return TYPE_BY_OID.get(oid) ?? EXTRA_NAMES[oid] ?? oid;
}

/** X.680 §41.4: the characters a PrintableString may hold. */
export function isPrintableString(value: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value);
}

/**
 * Encodes a name as an RDNSequence with one AttributeTypeAndValue per RDN, in
 * the given order (BR §7.1.4.1). Strings are PrintableString where every
 * character fits, else UTF8String (RFC 5280 §4.1.2.6); DC is IA5String
 * (RFC 4519 §2.4). Profile rules (required attributes, order, lengths) are
 * the lints' job; this refuses only what cannot be encoded at all.
 * @throws PkiError PKI_NAME_INVALID
 */
export function encodeName(name: DistinguishedName): Uint8Array {
  if (name.length === 0) throw new PkiError('PKI_NAME_INVALID', 'The name is empty: give at least a CN.');
  const rdns = name.map(({ type, value }) => {
    const oid = ATTRIBUTE_OIDS[type];
    if (oid === undefined) throw new PkiError('PKI_NAME_INVALID', `"${String(type)}" is not a name attribute Conclave knows; use one of ${Object.keys(ATTRIBUTE_OIDS).join(', ')}.`);
    if (typeof value !== 'string' || value.length === 0) throw new PkiError('PKI_NAME_INVALID', `The ${type} attribute is empty.`);
    if (/[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) throw new PkiError('PKI_NAME_INVALID', `The ${type} attribute holds a broken Unicode character.`);
    // RelativeDistinguishedName ::= SET OF AttributeTypeAndValue, here a SET of one (RFC 5280 §4.1.2.4).
    return derTlv(0x31, [derSequence([derOid(oid), encodeString(type, value)])]);
  });
  return derSequence(rdns);
}

/** The attribute's string: IA5String (tag 22), PrintableString (19) or UTF8String (12), X.680 §41. */
function encodeString(type: NameAttributeType, value: string): Uint8Array {
  if (type === 'DC') {
    if (!/^[\x20-\x7e]+$/.test(value)) throw new PkiError('PKI_NAME_INVALID', `The DC attribute "${value}" must be plain ASCII (IA5String).`);
    return derTlv(22, [Buffer.from(value, 'latin1')]);
  }
  return isPrintableString(value) ? derTlv(19, [Buffer.from(value, 'latin1')]) : derTlv(12, [Buffer.from(value, 'utf8')]);
}

/** One attribute as found in an encoded name. */
export interface EncodedAttribute {
  oid: string;
  /** The short name (CN, O, …) or the OID. */
  name: string;
  /** The ASN.1 string type, e.g. "PrintableString", "UTF8String". */
  stringType: string;
  value: string;
  /** False when the bytes are not valid for the string type (bad UTF-8, a character outside PrintableString). */
  wellFormed: boolean;
}

/** A name as encoded: its exact bytes and its RDNs, each a list of attributes. */
export interface NameView {
  der: Uint8Array;
  rdns: EncodedAttribute[][];
}

const STRING_TYPES: Record<number, string> = { 12: 'UTF8String', 19: 'PrintableString', 20: 'TeletexString', 22: 'IA5String', 28: 'UniversalString', 30: 'BMPString' };

/**
 * Reads an encoded Name (a strict DER tree, der-node.ts) into a view.
 * @throws PkiError with `code` when it is not an RDNSequence.
 */
export function readName(node: DerNode, code: 'PKI_MALFORMED_CSR' | 'PKI_MALFORMED_CERTIFICATE' | 'PKI_MALFORMED_CRL', what: string): NameView {
  const bad = (): never => {
    throw new PkiError(code, `The ${what} is not a valid distinguished name.`);
  };
  const rdnNodes = sequenceOf(node) ?? bad();
  const rdns = rdnNodes.map((rdn) => {
    if (!isUniversal(rdn, UNIVERSAL.set) || !rdn.constructed || rdn.children.length === 0) return bad();
    return rdn.children.map((atv) => {
      const parts = sequenceOf(atv) ?? [];
      const [type, value] = parts;
      if (!isUniversal(type, UNIVERSAL.oid) || !value || parts.length !== 2) return bad();
      return readAttribute(oidText(type), value);
    });
  });
  return { der: new Uint8Array(node.der), rdns };
}

function readAttribute(oid: string, value: DerNode): EncodedAttribute {
  const tag = value.tagClass === 1 && !value.constructed ? value.tagNumber : -1;
  const stringType = STRING_TYPES[tag] ?? `[tag ${value.tagClass}/${value.tagNumber}]`;
  const raw = value.content;
  let text: string | undefined;
  try {
    if (tag === 12) text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    else if (tag === 19 || tag === 20 || tag === 22) text = Buffer.from(raw).toString('latin1');
    else if (tag === 30 && raw.length % 2 === 0) text = Buffer.from(raw).swap16().toString('utf16le');
  } catch {
    text = undefined;
  }
  const wellFormed = text !== undefined && (tag !== 19 || isPrintableString(text)) && (tag !== 22 || isAscii(text));
  return { oid, name: attributeName(oid), stringType, value: text ?? Buffer.from(raw).toString('hex'), wellFormed };
}

/**
 * A name as one line, attributes in encoded order ("C=NL, O=Example, CN=Example Root"),
 * RFC 4514 special characters escaped. Multi-valued RDNs are joined with "+".
 */
export function formatName(view: NameView): string {
  return view.rdns.map((rdn) => rdn.map((a) => `${a.name}=${escapeValue(a.value)}`).join(' + ')).join(', ');
}

function escapeValue(value: string): string {
  return value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[ #]/, (c) => `\\${c}`).replace(/ $/, '\\ ');
}

function isAscii(text: string): boolean {
  return [...text].every((c) => c.charCodeAt(0) < 0x80);
}
