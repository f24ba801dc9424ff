import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { CustodyError } from './custody-error.js';
import { zero } from './secret-bytes.js';
import { decodeEnvelope, encodeEnvelope, type ShareEnvelope } from './share-envelope.js';
import { shareFingerprint } from './share-fingerprint.js';
import { parseSealedShareFile, SEALED_SHARE_FORMAT, type ScryptParams, type SealedShareFile } from './sealed-share-format.js';

/**
 * scrypt cost for new files: N = 2^18, r = 8, p = 1 takes about 1.3 s and
 * 256 MiB on this build machine (2 cores, Node 20), which is the "about a
 * second" design/FORMATS.md asks of unsealing. The parameters are stored in
 * each file, so raising them later leaves old files readable.
 */
export const DEFAULT_SCRYPT: Omit<ScryptParams, 'salt'> = { N: 2 ** 18, r: 8, p: 1 };
/** A passphrase shorter than this is refused when sealing. */
export const MIN_PASSPHRASE_BYTES = 8;

/**
 * Seals a share under the custodian's passphrase for a USB stick: scrypt
 * derives an AES-256-GCM key and a passphrase check value; the envelope bytes
 * are encrypted; the clear header (set, member, fingerprint, parameters) is
 * authenticated as additional data. Returns the file's bytes (UTF-8 JSON).
 * The caller zeroes the passphrase.
 * @throws CustodyError sealed.malformed when the passphrase is shorter than 8 bytes.
 */
export async function sealShare(envelope: ShareEnvelope, passphrase: Uint8Array, cost: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT): Promise<Uint8Array> {
  if (passphrase.length < MIN_PASSPHRASE_BYTES) {
    throw new CustodyError('sealed.malformed', `The passphrase must be at least ${MIN_PASSPHRASE_BYTES} characters; choose a longer one.`);
  }
  const header: Omit<SealedShareFile, 'passphraseCheck' | 'ciphertext' | 'tag'> = {
    format: SEALED_SHARE_FORMAT,
    setId: envelope.setId,
    member: envelope.member,
    fingerprint: shareFingerprint(envelope.share),
    kdf: { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(12).toString('base64') },
  };
  const derived = await deriveKeys(passphrase, header.kdf);
  const plaintext = encodeEnvelope(envelope);
  try {
    const cipher = createCipheriv('aes-256-gcm', derived.subarray(0, 32), Buffer.from(header.cipher.iv, 'base64'));
    cipher.setAAD(additionalData(header));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const file: SealedShareFile = {
      ...header,
      passphraseCheck: Buffer.from(derived.subarray(32, 48)).toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
    return new Uint8Array(Buffer.from(JSON.stringify(file, null, 2) + '\n', 'utf8'));
  } finally {
    zero(derived, plaintext);
  }
}

/**
 * Opens a sealed share file with the custodian's passphrase and checks the
 * share inside (checksum, and that it is the share the header names).
 * The caller zeroes the passphrase and, later, the envelope's share.
 * @throws CustodyError sealed.truncated, sealed.malformed, sealed.wrong-passphrase,
 *   sealed.damaged, sealed.not-for-this-share, and the share.* errors of decodeEnvelope.
 */
export async function unsealShare(fileBytes: Uint8Array, passphrase: Uint8Array): Promise<ShareEnvelope> {
  const file = parseSealedShareFile(fileBytes);
  const derived = await deriveKeys(passphrase, file.kdf);
  let plaintext: Uint8Array | undefined;
  try {
    const check = Buffer.from(file.passphraseCheck, 'base64');
    if (check.length !== 16 || !timingSafeEqual(check, derived.subarray(32, 48))) {
      throw new CustodyError('sealed.wrong-passphrase', `Wrong passphrase for the sealed share of member ${file.member}. Try again; nothing was changed.`);
    }
    const decipher = createDecipheriv('aes-256-gcm', derived.subarray(0, 32), Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(additionalData(file));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    try {
      plaintext = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw new CustodyError('sealed.damaged', `The sealed share file of member ${file.member} is damaged or was altered (the passphrase is right, the contents do not authenticate). Use the card's words instead.`);
    }
    const envelope = decodeEnvelope(plaintext);
    if (envelope.setId !== file.setId || envelope.member !== file.member || shareFingerprint(envelope.share) !== file.fingerprint) {
      zero(envelope.share);
      throw new CustodyError('sealed.not-for-this-share', `The share inside the file is not the one its header names (member ${file.member} of set ${file.setId}).`);
    }
    return envelope;
  } finally {
    zero(derived, plaintext);
  }
}

function deriveKeys(passphrase: Uint8Array, kdf: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  // 48 bytes: an AES-256 key, then a 16-byte passphrase check value, so a wrong
  // passphrase is told apart from a damaged file.
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase, salt, 48, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function additionalData(h: Pick<SealedShareFile, 'format' | 'setId' | 'member' | 'fingerprint' | 'kdf' | 'cipher'>): Buffer {
  const { format, setId, member, fingerprint, kdf, cipher } = h;
  return Buffer.from(
    JSON.stringify({ format, setId, member, fingerprint, kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt }, cipher: { name: cipher.name, iv: cipher.iv } }),
    'utf8',
  );
}
