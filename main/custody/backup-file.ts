import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { KeyPairInfo, SecretKeyInfo } from '../hsm/key-spec.js';
import { CustodyError } from './custody-error.js';

/** The format tag of backup/backup.json (design/FORMATS.md, "Backup"; docs/formats.md). */
export const BACKUP_FORMAT = 'conclave-backup/1';
/** The only wrap mechanism of format 1: AES key wrap with padding, RFC 5649. */
export const WRAP_MECHANISM = 'CKM_AES_KEY_WRAP_PAD';

const hex = (digits?: number) => z.string().regex(digits ? new RegExp(`^[0-9a-f]{${digits}}$`) : /^([0-9a-f]{2})+$/, digits ? `must be ${digits} lowercase hex digits` : 'must be lowercase hex');
const base64 = z.string().min(1).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

// What a restored key gets on the token (main/hsm/unwrap-template.ts): a token
// object, private, sensitive, extractable as it was, used only as it was.
const attributes = (usage: readonly string[]) =>
  z.object({
    token: z.literal(true),
    private: z.literal(true),
    sensitive: z.literal(true),
    extractable: z.boolean(),
    usage: z.array(z.string()).refine((u) => u.length === usage.length && u.every((x, i) => x === usage[i]), `must be ${JSON.stringify(usage)}`),
  });
export const PRIVATE_KEY_USAGE = ['sign'] as const;
export const SECRET_KEY_USAGE = ['encrypt', 'decrypt', 'wrap', 'unwrap'] as const;

const privateKey = z.object({
  label: z.string().min(1),
  id: hex(),
  class: z.literal('private'),
  type: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ec'), curve: z.enum(['P-256', 'P-384', 'P-521']) }),
    z.object({ kind: z.literal('rsa'), bits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]) }),
  ]),
  spki: base64,
  attributes: attributes(PRIVATE_KEY_USAGE),
  wrapped: base64,
});

const secretKey = z.object({
  label: z.string().min(1),
  id: hex(),
  class: z.literal('secret'),
  type: z.object({ kind: z.literal('aes'), bits: z.literal(256) }),
  kcv: hex(6),
  attributes: attributes(SECRET_KEY_USAGE),
  wrapped: base64,
});

const backupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  ceremonyId: z.string().min(1),
  kek: z.object({
    kcv: hex(6),
    threshold: z.number().int().min(2).max(255),
    shareCount: z.number().int().min(2).max(255),
    shareSetId: hex(16),
    shareFingerprints: z.array(z.object({ member: z.number().int().min(1).max(255), fingerprint: hex(16) })),
  }),
  wrapMechanism: z.literal(WRAP_MECHANISM),
  keys: z.array(z.discriminatedUnion('class', [privateKey, secretKey])).min(1),
});

export type BackupFile = z.infer<typeof backupFile>;
export type BackedUpKey = BackupFile['keys'][number];

/**
 * The backup.json entry of one wrapped key: its recorded identity (label,
 * CKA_ID, type, SPKI or KCV as the HSM reported them) and the attributes it
 * gets back on restore (main/hsm/unwrap-template.ts sets exactly these).
 */
export function backedUpKeyOf(info: KeyPairInfo | SecretKeyInfo, wrapped: Uint8Array): BackedUpKey {
  const fixed = { token: true, private: true, sensitive: true, extractable: info.extractable } as const;
  const base64 = Buffer.from(wrapped).toString('base64');
  if ('kcv' in info) {
    return { label: info.label, id: info.id, class: 'secret', type: info.type, kcv: info.kcv, attributes: { ...fixed, usage: [...SECRET_KEY_USAGE] }, wrapped: base64 };
  }
  const spki = Buffer.from(info.spki).toString('base64');
  return { label: info.label, id: info.id, class: 'private', type: info.type, spki, attributes: { ...fixed, usage: [...PRIVATE_KEY_USAGE] }, wrapped: base64 };
}

/** backup.json's bytes: the document as indented JSON, one trailing newline. Holds nothing secret. */
export function serializeBackup(backup: BackupFile): Uint8Array {
  return new Uint8Array(Buffer.from(JSON.stringify(backupFile.parse(backup), null, 2) + '\n', 'utf8'));
}

/**
 * Reads and checks backup.json: JSON, the schema, and the facts that must
 * agree with each other (threshold ≤ shares, one fingerprint per member,
 * unique labels, each SPKI of its recorded type, RFC 5649 sizes). Altered
 * wrapped bytes are caught later, by the HSM, when they are unwrapped.
 * @throws CustodyError backup.malformed (not JSON, with the position), backup.invalid (naming the field).
 */
export function parseBackup(bytes: Uint8Array | string): BackupFile {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message.replace(/^.*?(at position \d+|Unexpected end of JSON input).*$/s, '$1')})` : '';
    throw new CustodyError('backup.malformed', `backup.json is not valid JSON${where}: the file is damaged or truncated. Use the other copy of the backup.`);
  }
  const parsed = backupFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${issue.path.join('.') || 'the document'}: ${issue.message}`);
  }
  checkConsistency(parsed.data);
  return parsed.data;
}

function checkConsistency(b: BackupFile): void {
  const { threshold, shareCount, shareFingerprints } = b.kek;
  if (threshold > shareCount) throw invalid(`kek: threshold ${threshold} is more than the ${shareCount} shares`);
  const members = shareFingerprints.map((f) => f.member).sort((x, y) => x - y);
  if (members.length !== shareCount || members.some((m, i) => m !== i + 1)) throw invalid(`kek.shareFingerprints: expected one fingerprint for each member 1..${shareCount}`);
  const labels = new Set<string>();
  b.keys.forEach((key, i) => {
    if (labels.has(key.label)) throw invalid(`keys.${i}.label: "${key.label}" appears twice`);
    labels.add(key.label);
    const wrapped = Buffer.from(key.wrapped, 'base64');
    // RFC 5649 output is a multiple of 8 bytes and 8 bytes longer than the padded key; AES-256 wraps to 40.
    if (wrapped.length % 8 !== 0 || wrapped.length < 16 || (key.class === 'secret' && wrapped.length !== 40)) {
      throw invalid(`keys.${i}.wrapped: ${wrapped.length} bytes is not an RFC 5649 wrap of a ${key.class === 'secret' ? 'AES-256' : 'private'} key`);
    }
    if (key.class === 'private') checkSpki(key, i);
  });
}

function checkSpki(key: Extract<BackedUpKey, { class: 'private' }>, i: number): void {
  let details: { namedCurve?: string; modulusLength?: number } | undefined;
  let asymmetricType: string | undefined;
  try {
    const pub = createPublicKey({ key: Buffer.from(key.spki, 'base64'), format: 'der', type: 'spki' });
    details = pub.asymmetricKeyDetails;
    asymmetricType = pub.asymmetricKeyType;
  } catch {
    throw invalid(`keys.${i}.spki: not a DER SubjectPublicKeyInfo`);
  }
  const curves: Record<string, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
  const fits = key.type.kind === 'ec' ? asymmetricType === 'ec' && details?.namedCurve === curves[key.type.curve] : asymmetricType === 'rsa' && details?.modulusLength === key.type.bits;
  if (!fits) throw invalid(`keys.${i}.spki: the public key is not ${key.type.kind === 'ec' ? `EC ${key.type.curve}` : `RSA ${key.type.bits}`} as recorded`);
}

function invalid(what: string): CustodyError {
  return new CustodyError('backup.invalid', `backup.json is not a valid ${BACKUP_FORMAT} backup: ${what}.`);
}
