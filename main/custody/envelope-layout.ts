import { CHECK_WORDS } from './share-checksum.js';
import { wordsForBytes } from './word-bits.js';

/**
 * Envelope version 1, byte layout (docs/formats.md, "Share"):
 *
 *   offset size field
 *   0      2    magic "CS" (0x43 0x53)
 *   2      1    version, 1
 *   3      8    share-set id
 *   11     1    member index (1..N)
 *   12     1    threshold M
 *   13     1    share count N
 *   14     1    share length L
 *   15     L    share bytes (shamir-secret-sharing's share, x-coordinate last)
 *   15+L   5    checksum: the 3 check words (33 bits, share-checksum.ts), then 7 zero bits
 *
 * As words: bytes 0 .. 15+L-1 as 11-bit words (zero-padded), then the 3 check words.
 */
export const ENVELOPE_MAGIC = Uint8Array.of(0x43, 0x53);
export const ENVELOPE_VERSION = 1;
/** Bytes before the share bytes. */
export const HEADER_BYTES = 15;
/** Offset of the share-length byte. */
export const SHARE_LENGTH_OFFSET = 14;
export const SET_ID_BYTES = 8;
export const CHECKSUM_BYTES = 5;

/** Number of words in a share whose Shamir share is `shareLength` bytes (38 for a 32-byte KEK). */
export function wordCountFor(shareLength: number): number {
  return wordsForBytes(HEADER_BYTES + shareLength) + CHECK_WORDS;
}
