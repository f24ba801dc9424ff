import { CustodyError } from './custody-error.js';
import { zero } from './secret-bytes.js';
import { CHECK_WORDS, checkWords, diagnose } from './share-checksum.js';
import { checkShareWords } from './share-words-check.js';
import { bytesToWords, wordsToBytes } from './word-bits.js';
import { CHECKSUM_BYTES, ENVELOPE_MAGIC, ENVELOPE_VERSION, HEADER_BYTES, SET_ID_BYTES, SHARE_LENGTH_OFFSET } from './envelope-layout.js';

/**
 * What a custodian holds: one Shamir share of the KEK with the facts needed to
 * check it on its own. `share` is secret; everything else is public and is
 * recorded in the transcript and backup.json.
 */
export interface ShareEnvelope {
  /** The ceremony's share-set id, 16 lowercase hex digits. */
  setId: string;
  /** Our member number, 1..shareCount (not the Shamir x-coordinate). */
  member: number;
  threshold: number;
  shareCount: number;
  /** The shamir-secret-sharing share: secret bytes, x-coordinate last. Zero it after use. */
  share: Uint8Array;
}

/**
 * The envelope as word indices (0..2047), check words last. Secret: zero it after use.
 * @throws CustodyError share.malformed when a field is out of range.
 */
export function envelopeToWords(envelope: ShareEnvelope): Uint16Array {
  const payload = payloadBytes(envelope);
  const data = bytesToWords(payload);
  zero(payload);
  const words = new Uint16Array(data.length + CHECK_WORDS);
  words.set(data);
  words.set(checkWords(data), data.length);
  zero(data);
  return words;
}

/**
 * The envelope bytes (what the QR code and the sealed file carry). Secret.
 * @throws CustodyError share.malformed when a field is out of range.
 */
export function encodeEnvelope(envelope: ShareEnvelope): Uint8Array {
  const words = envelopeToWords(envelope);
  const payload = payloadBytes(envelope);
  const bytes = new Uint8Array(payload.length + CHECKSUM_BYTES);
  bytes.set(payload);
  // The 3 check words are 33 bits: written most significant first, then 7 zero
  // bits — the 5 bytes a fourth, zero word completes (44 bits, 40 of them kept).
  const check = Uint16Array.of(...words.subarray(words.length - CHECK_WORDS), 0);
  const checkBytes = wordsToBytes(check);
  bytes.set(checkBytes, payload.length);
  zero(words, payload, check, checkBytes);
  return bytes;
}

/**
 * Reads envelope bytes (a QR payload, an unsealed file), checksum first.
 * @throws CustodyError share.not-a-share, share.version, share.malformed, share.checksum.
 */
export function decodeEnvelope(bytes: Uint8Array): ShareEnvelope {
  if (bytes.length < 3 || bytes[0] !== ENVELOPE_MAGIC[0] || bytes[1] !== ENVELOPE_MAGIC[1]) throw notAShare('its first bytes are not the share marker');
  checkVersion(bytes[2]!);
  const shareLength = bytes[SHARE_LENGTH_OFFSET];
  if (shareLength === undefined || bytes.length !== HEADER_BYTES + shareLength + CHECKSUM_BYTES) {
    throw new CustodyError('share.malformed', 'The share is incomplete or has extra bytes: scan the QR code or copy the file again.');
  }
  const payload = bytes.subarray(0, HEADER_BYTES + shareLength);
  // 5 checksum bytes read as 11-bit words: the 3 check words, then the 7 padding bits (which must be zero).
  const check = bytesToWords(bytes.subarray(payload.length));
  const data = bytesToWords(payload);
  const words = new Uint16Array(data.length + CHECK_WORDS);
  words.set(data);
  words.set(check.subarray(0, CHECK_WORDS), data.length);
  const valid = check[CHECK_WORDS] === 0 && diagnose(words).kind === 'valid';
  zero(data, words, check);
  if (!valid) throw new CustodyError('share.checksum', 'The share fails its checksum: the QR code or file is damaged. Scan or copy it again, or enter the words.');
  return parsePayload(payload);
}

/**
 * Reads a share from its word indices, checksum first: a wrong word or two
 * swapped words are named by position, never corrected.
 * @throws CustodyError share.word-wrong or share.words-swapped (with 1-based
 *   positions), share.word-count, share.checksum, share.not-a-share, share.version, share.malformed.
 */
export function envelopeFromWords(words: Uint16Array): ShareEnvelope {
  checkShareWords(words);
  const data = words.subarray(0, words.length - CHECK_WORDS);
  const all = wordsToBytes(data);
  const shareLength = all[SHARE_LENGTH_OFFSET] ?? 0;
  const payload = all.slice(0, HEADER_BYTES + shareLength);
  // Re-encoding must give back exactly these words: the count matches the
  // recorded length and the padding bits are zero, so one share has one spelling.
  const again = bytesToWords(payload);
  const exact = all.length >= HEADER_BYTES && again.length === data.length && again.every((w, i) => w === data[i]);
  zero(all, again);
  try {
    if (payload[0] !== ENVELOPE_MAGIC[0] || payload[1] !== ENVELOPE_MAGIC[1]) throw notAShare('the first word is not the share marker');
    checkVersion(payload[2]!);
    if (!exact) throw new CustodyError('share.malformed', 'The words pass their checksum but do not hold a well-formed share. Check the words against the card.');
    return parsePayload(payload);
  } finally {
    zero(payload);
  }
}

function notAShare(why: string): CustodyError {
  return new CustodyError('share.not-a-share', `This is not a Conclave share (${why}). Is it another kind of recovery phrase?`);
}

function checkVersion(version: number): void {
  if (version !== ENVELOPE_VERSION) {
    throw new CustodyError('share.version', `This share is envelope version ${version}; this Conclave reads version ${ENVELOPE_VERSION}. Use the Conclave release that issued it.`);
  }
}

function payloadBytes(e: ShareEnvelope): Uint8Array {
  checkFields(e.setId, e.member, e.threshold, e.shareCount, e.share);
  const bytes = new Uint8Array(HEADER_BYTES + e.share.length);
  bytes.set(ENVELOPE_MAGIC, 0);
  bytes[2] = ENVELOPE_VERSION;
  bytes.set(Buffer.from(e.setId, 'hex'), 3);
  bytes.set([e.member, e.threshold, e.shareCount, e.share.length], 11);
  bytes.set(e.share, HEADER_BYTES);
  return bytes;
}

function parsePayload(payload: Uint8Array): ShareEnvelope {
  const setId = Buffer.from(payload.subarray(3, 3 + SET_ID_BYTES)).toString('hex');
  const [member, threshold, shareCount] = payload.subarray(11, 14);
  // A copy, never a view: a Buffer's slice() shares memory, and the caller zeroes the payload.
  const share = new Uint8Array(payload.subarray(HEADER_BYTES));
  try {
    checkFields(setId, member!, threshold!, shareCount!, share);
  } catch (error) {
    zero(share);
    throw error;
  }
  return { setId, member: member!, threshold: threshold!, shareCount: shareCount!, share };
}

function checkFields(setId: string, member: number, threshold: number, shareCount: number, share: Uint8Array): void {
  const problems: string[] = [];
  if (!/^[0-9a-f]{16}$/.test(setId)) problems.push('the share-set id is not 16 hex digits');
  if (!(Number.isInteger(threshold) && Number.isInteger(shareCount) && threshold >= 2 && threshold <= shareCount && shareCount <= 255)) {
    problems.push(`threshold ${threshold} of ${shareCount} is not 2 ≤ M ≤ N ≤ 255`);
  }
  if (!(Number.isInteger(member) && member >= 1 && member <= shareCount)) problems.push(`member ${member} is not between 1 and ${shareCount}`);
  // shamir-secret-sharing: a share is secret + 1 bytes; its last byte, the x-coordinate, is 1..255.
  if (share.length < 2 || share.length > 255 || share[share.length - 1] === 0) problems.push('the share bytes are not a Shamir share');
  if (problems.length) throw new CustodyError('share.malformed', `The share is not well formed: ${problems.join('; ')}.`);
}
