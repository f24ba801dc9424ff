import { HsmError } from './hsm-error.js';

/**
 * PKCS#11 URIs (RFC 7512): how a token or an object is named to a person and
 * to other tools (p11tool, openssl's pkcs11 engine). Values are
 * percent-encoded (§2.3); CKA_ID is always fully percent-encoded bytes.
 */
export interface Pkcs11UriParts {
  token?: string;
  manufacturer?: string;
  model?: string;
  serial?: string;
  object?: string;
  /** CKA_ID as hex. */
  id?: string;
  type?: 'public' | 'private' | 'secret-key' | 'cert' | 'data';
}

const ATTRIBUTE_ORDER: (keyof Pkcs11UriParts)[] = ['token', 'manufacturer', 'model', 'serial', 'object', 'id', 'type'];
const TYPE_OF_CLASS: Record<string, Pkcs11UriParts['type']> = {
  'public-key': 'public',
  'private-key': 'private',
  'secret-key': 'secret-key',
  certificate: 'cert',
  data: 'data',
};

/** The URI of a token. */
export function formatTokenUri(token: { label: string; manufacturer: string; model: string; serial: string }): string {
  return formatPkcs11Uri({ token: token.label, manufacturer: token.manufacturer, model: token.model, serial: token.serial });
}

/** The URI of an object on a token. */
export function formatObjectUri(token: { label: string; manufacturer: string; model: string; serial: string }, object: { label: string; id: string; class: string }): string {
  const parts: Pkcs11UriParts = { token: token.label, manufacturer: token.manufacturer, model: token.model, serial: token.serial, object: object.label };
  if (object.id) parts.id = object.id;
  const type = TYPE_OF_CLASS[object.class];
  if (type) parts.type = type;
  return formatPkcs11Uri(parts);
}

export function formatPkcs11Uri(parts: Pkcs11UriParts): string {
  const attrs = ATTRIBUTE_ORDER.filter((k) => parts[k] !== undefined).map((k) => {
    const value = k === 'id' ? percentEncodeBytes(parts.id!) : percentEncode(parts[k]!);
    return `${k}=${value}`;
  });
  return `pkcs11:${attrs.join(';')}`;
}

/**
 * Parses a PKCS#11 URI's path attributes (the query part, after "?", is ignored;
 * pin-value is refused wherever it appears: a PIN must never be written in a URI).
 * @throws HsmError INVALID_ARGUMENT naming what is wrong.
 */
export function parsePkcs11Uri(uri: string): Pkcs11UriParts {
  // Checked first, wherever it sits (query, or mistyped into the path): a URI
  // carrying a PIN is refused before any of it can be echoed in a message.
  if (/(^|[:;?&])pin-value=/i.test(uri)) throw new HsmError('INVALID_ARGUMENT', 'The URI carries pin-value: Conclave never takes a PIN from a URI. Remove it and use --pin-source.');
  // RFC 3986 §3.1: the scheme is case-insensitive.
  if (!/^pkcs11:/i.test(uri)) throw new HsmError('INVALID_ARGUMENT', `"${uri.slice(0, 40)}" is not a PKCS#11 URI: it must start with "pkcs11:".`);
  const path = uri.slice('pkcs11:'.length).split('?', 1)[0]!;
  const parts: Pkcs11UriParts = {};
  if (path === '') return parts;
  for (const attr of path.split(';')) {
    const eq = attr.indexOf('=');
    if (eq <= 0) throw new HsmError('INVALID_ARGUMENT', `PKCS#11 URI attribute "${attr}" has no "name=value" form.`);
    const name = attr.slice(0, eq);
    const raw = attr.slice(eq + 1);
    if (!(ATTRIBUTE_ORDER as string[]).includes(name)) continue; // RFC 7512 §2.3: unknown attributes are ignored
    const key = name as keyof Pkcs11UriParts;
    if (parts[key] !== undefined) throw new HsmError('INVALID_ARGUMENT', `PKCS#11 URI attribute "${name}" appears twice.`);
    const bytes = percentDecode(raw, name);
    if (key === 'id') parts.id = Buffer.from(bytes).toString('hex');
    else if (key === 'type') {
      const value = Buffer.from(bytes).toString('utf8');
      if (!['public', 'private', 'secret-key', 'cert', 'data'].includes(value)) throw new HsmError('INVALID_ARGUMENT', `PKCS#11 URI type "${value}" is not one of public, private, secret-key, cert, data.`);
      parts.type = value as Pkcs11UriParts['type'];
    } else parts[key] = Buffer.from(bytes).toString('utf8');
  }
  return parts;
}

// RFC 7512 §2.3 pchar: unreserved / pct-encoded / ":" / "[" / "]" / "@" / "!" / "$" / "'" / "(" / ")" / "*" / "+" / "," / "="  and "&".
const SAFE = /[A-Za-z0-9\-._~:[\]@!$'()*+,=&]/;

function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && SAFE.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function percentEncodeBytes(hex: string): string {
  return (hex.match(/../g) ?? []).map((h) => `%${h.toUpperCase()}`).join('');
}

function percentDecode(raw: string, name: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new HsmError('INVALID_ARGUMENT', `PKCS#11 URI attribute "${name}" has a bad percent-escape "%${hex}".`);
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      // A whole code point: a character outside the BMP is two UTF-16 units.
      const ch = String.fromCodePoint(raw.codePointAt(i)!);
      out.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return new Uint8Array(out);
}
