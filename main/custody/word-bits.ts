/**
 * Packing bytes into 11-bit word indices and back, most significant bit
 * first (as BIP-39 does). The last word is filled with zero bits.
 */
export const BITS_PER_WORD = 11;

/** How many words hold `byteLength` bytes. */
export function wordsForBytes(byteLength: number): number {
  return Math.ceil((byteLength * 8) / BITS_PER_WORD);
}

/** The bytes as 11-bit words, zero-padded at the end. The caller zeroes the result when the bytes are secret. */
export function bytesToWords(bytes: Uint8Array): Uint16Array {
  const words = new Uint16Array(wordsForBytes(bytes.length));
  let acc = 0;
  let bits = 0;
  let w = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xffffff;
    bits += 8;
    if (bits >= BITS_PER_WORD) {
      bits -= BITS_PER_WORD;
      words[w++] = (acc >>> bits) & 0x7ff;
    }
  }
  if (bits > 0) words[w] = (acc << (BITS_PER_WORD - bits)) & 0x7ff;
  acc = 0;
  return words;
}

/**
 * Every whole byte the words carry (trailing bits that do not fill a byte are
 * dropped; whoever needs them zero re-encodes and compares). Zero the result
 * when the words are secret.
 */
export function wordsToBytes(words: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(Math.floor((words.length * BITS_PER_WORD) / 8));
  let acc = 0;
  let bits = 0;
  let b = 0;
  for (let i = 0; i < words.length; i++) {
    acc = ((acc << BITS_PER_WORD) | (words[i]! & 0x7ff)) & 0x3fffff;
    bits += BITS_PER_WORD;
    while (bits >= 8) {
      bits -= 8;
      bytes[b++] = (acc >>> bits) & 0xff;
    }
  }
  acc = 0;
  return bytes;
}
