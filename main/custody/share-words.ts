import { wordlist } from '@scure/bip39/wordlists/english.js';
import { CustodyError } from './custody-error.js';
import { zero } from './secret-bytes.js';
import { envelopeFromWords, envelopeToWords, type ShareEnvelope } from './share-envelope.js';
import { whereInGroups } from './share-words-check.js';

/** Words are read aloud and written down four at a time. */
export const WORDS_PER_GROUP = 4;

// BIP-39's English list is built so the first four letters name one word
// (three-letter words are their own prefix). Keys are the prefix's letters,
// five bits each, so a typed word is looked up without becoming a string.
const BY_PREFIX = new Map<number, number>();
wordlist.forEach((word, index) => BY_PREFIX.set(prefixKey(Buffer.from(word, 'ascii'), 0, Math.min(4, word.length)), index));
const WORD_BYTES = wordlist.map((word) => Buffer.from(word, 'ascii'));

/**
 * The share as BIP-39 English words. The array is the secret: drop it (and
 * clear it) as soon as the words are shown or printed.
 * @throws CustodyError share.malformed when a field is out of range.
 */
export function shareToWords(envelope: ShareEnvelope): string[] {
  const indices = envelopeToWords(envelope);
  const words = Array.from(indices, (i) => wordlist[i]!);
  zero(indices);
  return words;
}

/**
 * The words in numbered groups of four, one group per line, as the card and
 * the hand-off screen print them (e.g. " 1  drive  abandon  …"). Group
 * numbers are skipped when the text is typed or pasted back.
 */
export function formatShareWords(words: readonly string[]): string {
  const lines: string[] = [];
  const width = String(Math.ceil(words.length / WORDS_PER_GROUP)).length;
  for (let g = 0; g * WORDS_PER_GROUP < words.length; g++) {
    const group = words.slice(g * WORDS_PER_GROUP, (g + 1) * WORDS_PER_GROUP).map((w) => w.padEnd(8));
    lines.push(`${String(g + 1).padStart(width)}  ${group.join(' ').trimEnd()}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Reads typed or pasted share words: whole words or their first four letters,
 * any case, separated by spaces or line breaks; group numbers ("1", "01.",
 * "3:") are ignored. Takes the text as UTF-8 bytes (or a string, copied to
 * bytes here) and clears its own copies.
 * @throws CustodyError share.empty, share.word-unknown (naming the position),
 *   and everything envelopeFromWords throws.
 */
export function decodeShareWords(input: string | Uint8Array): ShareEnvelope {
  const indices = parseWordIndices(input);
  try {
    return envelopeFromWords(indices);
  } finally {
    zero(indices);
  }
}

/**
 * The word indices of typed text, without checking the checksum.
 * @throws CustodyError share.empty, share.word-unknown.
 */
export function parseWordIndices(input: string | Uint8Array): Uint16Array {
  const text = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const found: number[] = [];
  const unknown: number[] = [];
  try {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const separator = i === text.length || isSeparator(text[i]!);
      if (!separator && start < 0) start = i;
      if (separator && start >= 0) {
        if (!isGroupNumber(text, start, i)) {
          const index = lookUp(text, start, i);
          if (index === undefined) unknown.push(found.length + 1);
          found.push(index ?? 0);
        }
        start = -1;
      }
    }
    if (found.length === 0) throw new CustodyError('share.empty', 'No share words were entered.');
    if (unknown.length) {
      const list = unknown.map((p) => `${p} (${whereInGroups(p)})`).join(', ');
      const noun = unknown.length === 1 ? 'Word' : 'Words';
      throw new CustodyError('share.word-unknown', `${noun} ${list} ${unknown.length === 1 ? 'is' : 'are'} not on the BIP-39 English list: check the spelling against the card (the first four letters are enough).`, { positions: unknown });
    }
    return Uint16Array.from(found);
  } finally {
    found.fill(0);
    if (text !== input) zero(text);
  }
}

function isSeparator(byte: number): boolean {
  // space, tab, CR, LF, comma, semicolon
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2c || byte === 0x3b;
}

function isGroupNumber(text: Uint8Array, start: number, end: number): boolean {
  let digits = 0;
  for (let i = start; i < end; i++) {
    const b = text[i]!;
    if (b >= 0x30 && b <= 0x39) digits++;
    else if (!(i === end - 1 && digits > 0 && (b === 0x2e || b === 0x3a || b === 0x29))) return false;
  }
  return digits > 0;
}

function lookUp(text: Uint8Array, start: number, end: number): number | undefined {
  const length = end - start;
  if (length < 3 || length > 8) return undefined;
  const lower = new Uint8Array(length);
  let letters = true;
  for (let i = 0; i < length; i++) {
    // ASCII letters only: OR-ing 0x20 lower-cases A–Z and leaves every non-letter outside a–z.
    lower[i] = text[start + i]! | 0x20;
    if (lower[i]! < 0x61 || lower[i]! > 0x7a || text[start + i]! >= 0x80) letters = false;
  }
  const index = letters ? BY_PREFIX.get(prefixKey(lower, 0, Math.min(4, length))) : undefined;
  const word = index === undefined ? undefined : WORD_BYTES[index]!;
  // A whole word, or any start of it four letters or longer; nothing else.
  const matches = word !== undefined && length <= word.length && (length >= 4 || length === word.length) && lower.every((b, i) => b === word[i]);
  zero(lower);
  return matches ? index : undefined;
}

function prefixKey(letters: Uint8Array, start: number, count: number): number {
  let key = 0;
  for (let i = 0; i < 4; i++) key = key * 32 + (i < count ? letters[start + i]! - 0x60 : 0);
  return key;
}
