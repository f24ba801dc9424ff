import { wordlist } from '@scure/bip39/wordlists/english.js';
import { CustodyError } from './custody-error.js';
import { ENVELOPE_MAGIC, ENVELOPE_VERSION, HEADER_BYTES, SHARE_LENGTH_OFFSET, wordCountFor } from './envelope-layout.js';
import { zero } from './secret-bytes.js';
import { diagnose } from './share-checksum.js';
import { wordsForBytes, wordsToBytes } from './word-bits.js';

/** Words that carry the 15 header bytes. */
const HEADER_WORDS = wordsForBytes(HEADER_BYTES);
/** Every share starts with this word: the 11 bits of "CS" it carries never change. */
export const MARKER_WORD = (ENVELOPE_MAGIC[0]! << 3) | (ENVELOPE_MAGIC[1]! >> 5);
/** The marker word itself: public, the same on every card. */
const MARKER = wordlist[MARKER_WORD]!;
const POSSIBLE_COUNTS = new Set(Array.from({ length: 254 }, (_, i) => wordCountFor(i + 2)));

/**
 * Checks share words against their checksum and refuses them with the most
 * useful message: a wrong word or two swapped words by position (1-based, with
 * the group of four they sit in), a missing or extra word, not a share at all,
 * or several errors. Positions only: no word goes into a message.
 * @throws CustodyError share.word-wrong, share.words-swapped, share.word-count,
 *   share.not-a-share, share.checksum.
 */
export function checkShareWords(words: Uint16Array): void {
  const n = words.length;
  const expected = expectedCount(words);
  // A count no share can have is a missing or extra word (or not a share):
  // asking the checksum where the error is would only point somewhere at random.
  if (!POSSIBLE_COUNTS.has(n)) throw wrongCountOrNotShare(words, expected);
  const diagnosis = diagnose(words);
  if (diagnosis.kind === 'valid') return;
  if (diagnosis.kind !== 'unlocated') {
    const p = diagnosis.position;
    // One substitution or swap leaves the marker word alone unless it is at the
    // start, and never changes the count the header announces unless it is in
    // the header: otherwise the located "error" is a coincidence. (A word added
    // before the marker also looks like one wrong first word: the syndromes of
    // a shifted codeword are zero.)
    const coincidence =
      (words[0] !== MARKER_WORD && (p !== 0 || (diagnosis.kind === 'wrong-word' && words[1] === MARKER_WORD))) || (expected !== undefined && expected !== n && p >= HEADER_WORDS);
    if (!coincidence) throw located(diagnosis.kind, p + 1);
  }
  throw wrongCountOrNotShare(words, expected);
}

/** Where word p (1-based) sits when words are read in groups of four. */
export function whereInGroups(p: number, groupSize = 4): string {
  return `group ${Math.ceil(p / groupSize)}, word ${((p - 1) % groupSize) + 1}`;
}

function located(kind: 'wrong-word' | 'swapped-words', p: number): CustodyError {
  if (kind === 'wrong-word') {
    return new CustodyError('share.word-wrong', `Word ${p} (${whereInGroups(p)}) is wrong: check it against the card. Nothing was corrected.`, { positions: [p] });
  }
  return new CustodyError('share.words-swapped', `Words ${p} and ${p + 1} (${whereInGroups(p)}; ${whereInGroups(p + 1)}) look swapped: check their order against the card. Nothing was corrected.`, {
    positions: [p, p + 1],
  });
}

function wrongCountOrNotShare(words: Uint16Array, expected: number | undefined): CustodyError {
  const n = words.length;
  if (expected !== undefined && expected !== n) {
    return new CustodyError('share.word-count', `This share has ${expected} words but ${n} were entered: a word is ${n < expected ? 'missing' : 'extra'}. Compare with the card.`);
  }
  if (words[0] !== MARKER_WORD && words[1] === MARKER_WORD) {
    return new CustodyError('share.word-count', `There is an extra word before "${MARKER}", the first word of every share. Compare with the card.`);
  }
  if (words[0] !== MARKER_WORD) {
    return new CustodyError('share.not-a-share', `These words do not start with "${MARKER}", the first word of every Conclave share: is the first word missing, or is this another kind of recovery phrase?`);
  }
  if (!POSSIBLE_COUNTS.has(n)) {
    return new CustodyError('share.word-count', `No share has ${n} words (a share of a 32-byte key has ${wordCountFor(33)}): a word is missing or extra. Compare with the card.`);
  }
  return new CustodyError('share.checksum', 'The words fail their checksum in more than one place: several words are wrong, missing or out of order. Check them all against the card.');
}

/** The word count the header announces, when the header reads as a share's. */
function expectedCount(words: Uint16Array): number | undefined {
  const header = wordsToBytes(words.subarray(0, HEADER_WORDS));
  const readable = header.length >= HEADER_BYTES && header[0] === ENVELOPE_MAGIC[0] && header[1] === ENVELOPE_MAGIC[1] && header[2] === ENVELOPE_VERSION;
  const shareLength = header[SHARE_LENGTH_OFFSET] ?? 0;
  zero(header);
  return readable && shareLength >= 2 ? wordCountFor(shareLength) : undefined;
}
