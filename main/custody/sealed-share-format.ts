import { z } from 'zod';
import { CustodyError } from './custody-error.js';

/** The format tag of a sealed share file (docs/formats.md, "Sealed share file"). */
export const SEALED_SHARE_FORMAT = 'conclave-sealed-share/1';

const base64 = (bytes?: number) =>
  z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').refine((s) => bytes === undefined || Buffer.from(s, 'base64').length === bytes, `must be ${bytes} bytes`);

/**
 * The most work a file may ask of the reader: N·r·p ≤ 2^22, twice what new
 * files ask (2^18 · 8 · 1). scrypt takes 128·N·r bytes and time in N·r·p, so
 * a crafted file costs the ceremony laptop at most 512 MiB and a few seconds
 * (each bound alone would still allow 2^20 · 16 · 4: 2 GiB and a minute).
 */
export const MAX_SCRYPT_WORK = 2 ** 22;

const scryptParams = z
  .object({
    name: z.literal('scrypt'),
    N: z.number().int().refine((n) => n >= 2 ** 10 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'must be a power of two from 2^10 to 2^20'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: base64(16),
  })
  .refine((k) => k.N * k.r * k.p <= MAX_SCRYPT_WORK, { message: `N·r·p must be at most 2^22 (${MAX_SCRYPT_WORK}): no more than 512 MiB and a few seconds to open`, path: ['N'] });

const sealedShareFile = z.object({
  format: z.literal(SEALED_SHARE_FORMAT),
  setId: z.string().regex(/^[0-9a-f]{16}$/),
  member: z.number().int().min(1).max(255),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  kdf: scryptParams,
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64(12) }),
  passphraseCheck: base64(16),
  ciphertext: base64(),
  tag: base64(16),
});

export type SealedShareFile = z.infer<typeof sealedShareFile>;
export type ScryptParams = Omit<z.infer<typeof scryptParams>, 'name'>;

/**
 * Reads the clear parts of a sealed share file (nothing secret is decoded here).
 * @throws CustodyError sealed.truncated when the file stops short of its end,
 *   sealed.malformed when it is not a sealed share file or a field is wrong.
 */
export function parseSealedShareFile(fileBytes: Uint8Array): SealedShareFile {
  const text = Buffer.from(fileBytes.buffer, fileBytes.byteOffset, fileBytes.byteLength).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (text.trimStart().startsWith('{') && endsTooSoon(error, text)) {
      throw new CustodyError('sealed.truncated', `The sealed share file stops short after ${fileBytes.length} bytes (its contents do not close): copy it again from the custodian's USB stick.`);
    }
    throw new CustodyError('sealed.malformed', 'This is not a sealed share file, or it is damaged (it is not the JSON Conclave writes). Copy it again, or use the card\'s words.');
  }
  const parsed = sealedShareFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CustodyError('sealed.malformed', `This is not a valid sealed share file: ${issue.path.join('.') || 'the file'} ${issue.message}.`);
  }
  return parsed.data;
}

/** Whether JSON.parse failed because the text ended, not because of a wrong character inside it. */
function endsTooSoon(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}
