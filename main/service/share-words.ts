/**
 * A share's words as typed, to bytes the caller can zero: UTF-8, lower case,
 * single spaces between words, as the runner's CeremonyHost.takeShare returns
 * them. The custody layer decodes and checks them (a mistyped word's position,
 * another ceremony's share).
 */
export function encodeShareWords(words: readonly string[]): Uint8Array {
  return new TextEncoder().encode(
    words
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w !== '')
      .join(' '),
  );
}
