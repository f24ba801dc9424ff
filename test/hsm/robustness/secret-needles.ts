import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One secret and every spelling of it a file could hold. */
export interface Secret {
  /** e.g. "KEK", "PIN 1", "share of member 3". */
  name: string;
  /** Byte strings to look for: raw, hex (both cases), base64, base64url. */
  needles: Buffer[];
  /** For a share: its words in order; any run of WORD_RUN of them, in order, is a hit. */
  words?: string[];
}

/** Six words of a share in a row cannot appear by chance (2^66 to one). */
export const WORD_RUN = 6;
/** Words allowed between two words of a run: group numbers are dropped, a heading is not. */
const MAX_GAP = 2;

/** The spellings of secret bytes: raw, hex, HEX, base64, base64url (without padding). */
export function spellings(bytes: Uint8Array): Buffer[] {
  const raw = Buffer.from(bytes);
  const hex = raw.toString('hex');
  return [raw, Buffer.from(hex), Buffer.from(hex.toUpperCase()), Buffer.from(raw.toString('base64').replace(/=+$/, '')), Buffer.from(raw.toString('base64url'))];
}

/**
 * The words of a text (lower case, letters only), in order: a card lays its
 * words out in numbered groups, a PDF's text comes out with line breaks and
 * numbers between them; both read as the same run of words.
 */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * Whether WORD_RUN consecutive words of `share` appear in order in `words`,
 * each within MAX_GAP words of the one before (a card's "GROUP 2" heading
 * sits between its fourth and fifth words).
 */
function holdsRun(words: string[], share: string[]): boolean {
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => positions.set(w, [...(positions.get(w) ?? []), i]));
  const follows = (at: number, s: number, left: number): boolean =>
    left === 0 || (positions.get(share[s]!) ?? []).some((p) => p > at && p <= at + 1 + MAX_GAP && follows(p, s + 1, left - 1));
  for (let s = 0; s + WORD_RUN <= share.length; s++) {
    if ((positions.get(share[s]!) ?? []).some((p) => follows(p, s + 1, WORD_RUN - 1))) return true;
  }
  return false;
}

/** The names of the secrets found in some bytes and, when given, in their text. */
export function secretsIn(bytes: Buffer, secrets: Secret[], text?: string): string[] {
  const words = wordsOf(text ?? bytes.toString('latin1'));
  return secrets.filter((s) => s.needles.some((n) => bytes.includes(n) || (text !== undefined && text.includes(n.toString('latin1')))) || (s.words !== undefined && holdsRun(words, s.words))).map((s) => s.name);
}

/**
 * The secrets found in a file. A PDF's text is in compressed streams, so a
 * PDF is also read through pdftotext (poppler-utils) in content order, the
 * order a person reads a card's numbered groups in.
 */
export function secretsInFile(path: string, secrets: Secret[]): string[] {
  const bytes = readFileSync(path);
  const text = bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? execFileSync('pdftotext', ['-raw', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8') : undefined;
  return secretsIn(bytes, secrets, text === undefined ? undefined : `${bytes.toString('latin1')}\n${text}`);
}
