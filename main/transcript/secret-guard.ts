import { TranscriptError } from './transcript-error.js';

/**
 * Field names that only ever hold a secret (compared lower-case, without "_"
 * and "-"). FORMATS.md: never in the transcript — PINs, share bytes or words,
 * KEK bytes, private or secret key material. Public facts about them have
 * other names (fingerprint, kcv, kekKcv, spkiSha256) and pass.
 */
const SECRET_FIELD_NAMES = new Set([
  'pin',
  'userpin',
  'sopin',
  'newpin',
  'passphrase',
  'password',
  'secret',
  'kek',
  'kekbytes',
  'kekvalue',
  'share',
  'sharebytes',
  'sharevalue',
  'words',
  'sharewords',
  'mnemonic',
  'privatekey',
  'secretkey',
  'keyvalue',
  'keymaterial',
  'plaintext',
  'unwrapped',
  'unwrappedkey',
]);

/** PEM labels of private keys (RFC 7468 §10, §11; OpenSSL's traditional forms). */
const PRIVATE_KEY_PEM = /-----BEGIN (?:[A-Z0-9 ]+ )?PRIVATE KEY-----/;

/**
 * Refuses event data that looks like it holds a secret: a field with a
 * secret's name, a private key in PEM, or raw bytes (bytes must be rendered as
 * a fingerprint or hex on purpose, never slip in as a Buffer). Runs before
 * anything is written, so a refused event leaves the transcript as it was.
 * @throws TranscriptError TRANSCRIPT_SECRET_REFUSED naming the field (never its value).
 */
export function assertNoSecrets(data: unknown, path = 'data'): void {
  if (data === null || typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') {
    if (typeof data === 'string' && PRIVATE_KEY_PEM.test(data)) refuse(path, 'holds a private key in PEM');
    if (typeof data === 'number' && !Number.isFinite(data)) refuse(path, 'is not a finite number', 'TRANSCRIPT_BAD_EVENT');
    return;
  }
  if (data === undefined) return;
  if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) refuse(path, 'holds raw bytes');
  if (Array.isArray(data)) {
    data.forEach((item, i) => assertNoSecrets(item, `${path}[${i}]`));
    return;
  }
  if (typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) {
    refuse(path, `is a ${typeof data === 'object' ? 'non-plain object' : typeof data}, not JSON data`, 'TRANSCRIPT_BAD_EVENT');
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const childPath = `${path}.${key}`;
    if (SECRET_FIELD_NAMES.has(key.toLowerCase().replace(/[_-]/g, ''))) refuse(childPath, 'is named like a secret');
    assertNoSecrets(value, childPath);
  }
}

function refuse(path: string, why: string, code: 'TRANSCRIPT_SECRET_REFUSED' | 'TRANSCRIPT_BAD_EVENT' = 'TRANSCRIPT_SECRET_REFUSED'): never {
  const advice =
    code === 'TRANSCRIPT_SECRET_REFUSED'
      ? 'Secrets never go into the transcript: record a fingerprint or key check value instead. Nothing was written.'
      : 'Event data must be plain JSON. Nothing was written.';
  throw new TranscriptError(code, `Event field ${path} ${why}. ${advice}`, { field: path });
}
