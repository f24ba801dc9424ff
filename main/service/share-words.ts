import { HostError } from './host-error.js';

/**
 * BIP-39's English list is built so the first four letters name a word
 * (FORMATS.md, "Share"): a custodian proving receipt may type only those.
 */
const PREFIX_LENGTH = 4;

/**
 * Checks a custodian's re-entry of the share just shown: the same number of
 * words, each the shown word or at least its first four letters (case and
 * surrounding blanks ignored).
 * @throws HostError "host.share-mismatch" naming the first word that differs.
 */
export function checkShareReceipt(shown: readonly string[], typed: readonly string[]): void {
  if (typed.length !== shown.length) {
    throw new HostError('host.share-mismatch', `The share has ${shown.length} words; ${typed.length} were entered. Enter every word, in order.`);
  }
  for (let i = 0; i < shown.length; i++) {
    const word = shown[i]!.toLowerCase();
    const entry = typed[i]!.trim().toLowerCase();
    const matches = entry === word || (entry.length >= PREFIX_LENGTH && word.startsWith(entry));
    if (!matches) {
      throw new HostError('host.share-mismatch', `Word ${i + 1} does not match the share shown. Check it on the card and enter it again.`);
    }
  }
}

/**
 * A share's words as typed, to bytes the caller can zero: UTF-8, lower case,
 * one space between words. The custody layer decodes and checks them.
 */
export function encodeShareWords(words: readonly string[]): Uint8Array {
  return new TextEncoder().encode(words.map((w) => w.trim().toLowerCase()).join(' '));
}
