/**
 * The facts of a transcript event as lines a person reads: a label in words
 * and a value as text. Nothing of an event's data is left out of the print:
 * what a describer does not put into its sentence is listed here.
 */
import { isHex } from './hex-groups.js';

/** One "label: value" line under an event. `hex` values print in monospace, grouped. */
export interface EventFact {
  label: string;
  value: string;
  hex: boolean;
}

// Words for the keys the engine writes; any other key is split at its capitals.
const LABELS: Readonly<Record<string, string>> = {
  id: 'CKA_ID',
  ckaId: 'CKA_ID',
  kcv: 'Key check value',
  spkiSha256: 'SPKI SHA-256',
  sha256: 'SHA-256',
  derSha256: 'SHA-256 of DER',
  scriptSha256: 'Script SHA-256',
  appSha256: 'Application SHA-256',
  shareFingerprint: 'Share fingerprint',
  fingerprint: 'Fingerprint',
  shareSetId: 'Share-set id',
  crlNumber: 'CRL number',
  os: 'Operating system',
  hsm: 'HSM',
  url: 'URL',
  uri: 'URI',
};

// Keys whose values are hex identifiers even when short (a KCV is 6 digits).
const HEX_KEYS = /(sha256|fingerprint|hash|kcv|^id$|ckaId|keyId|serial|prev|shareSetId)/i;

/** The label printed for a data key: "spkiSha256" → "SPKI SHA-256", "notAfter" → "Not after". */
export function factLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A key type as the engine records it ({kind:'ec',curve:'P-384'}) → "EC P-384". */
export function keyTypeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const t = value as { kind?: unknown; curve?: unknown; bits?: unknown };
  if (t.kind === 'ec' && typeof t.curve === 'string') return `EC ${t.curve}`;
  if (t.kind === 'rsa' && typeof t.bits === 'number') return `RSA ${t.bits}`;
  if (t.kind === 'aes' && typeof t.bits === 'number') return `AES-${t.bits}`;
  return undefined;
}

/** Any data value as one line of text. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(', ');
  const keyType = keyTypeText(value);
  if (keyType) return keyType;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${factLabel(k).toLowerCase()} ${valueText(v)}`)
    .join('; ');
}

/** The fact line for one data key and its value. */
export function fact(key: string, value: unknown, label = factLabel(key)): EventFact {
  const text = valueText(value);
  const hex = typeof value === 'string' && isHex(value) && (HEX_KEYS.test(key) || /^[0-9a-f]{16,}$/.test(value));
  return { label, value: text, hex };
}
