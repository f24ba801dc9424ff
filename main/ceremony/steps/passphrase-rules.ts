import { timingSafeEqual } from 'node:crypto';
import type { PassphraseEntries } from '../runner/ceremony-host.js';

/**
 * The shortest passphrase a custodian may seal a share file under, in
 * characters. The file can be attacked offline by whoever finds the USB
 * stick, at about a second per guess (scrypt N = 2^18); twelve characters is
 * the least that keeps a human-chosen passphrase out of reach. Stricter than
 * the sealed-file format's own floor of 8 bytes (main/custody/sealed-share-file.ts).
 */
export const MIN_PASSPHRASE_CHARACTERS = 12;

/**
 * Characters in UTF-8 bytes, counted without decoding the secret into a
 * string: every byte that does not continue a multi-byte character starts one.
 */
export function utf8Characters(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if ((byte & 0xc0) !== 0x80) count++;
  return count;
}

/**
 * Why two passphrase entries cannot be used, in words for the custodian, or
 * undefined when they are the same and long enough. Never repeats the entries.
 */
export function passphraseProblem({ passphrase, repeated }: PassphraseEntries): string | undefined {
  const characters = utf8Characters(passphrase);
  if (characters < MIN_PASSPHRASE_CHARACTERS) {
    return `That passphrase has ${characters} characters; it needs at least ${MIN_PASSPHRASE_CHARACTERS}. Choose a longer one (a few unrelated words are easy to remember) and type it twice.`;
  }
  if (passphrase.length !== repeated.length || !timingSafeEqual(passphrase, repeated)) {
    return 'The two entries differ. Type the passphrase again, twice; nothing was written.';
  }
  return undefined;
}
