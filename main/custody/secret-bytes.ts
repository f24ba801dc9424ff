import { timingSafeEqual } from 'node:crypto';

/**
 * Overwrites every buffer with zeros (design/ARCHITECTURE.md rule 5: secrets
 * are zeroed after use). Accepts undefined so `finally` blocks stay simple.
 */
export function zero(...buffers: (Uint8Array | Uint16Array | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}

/**
 * Whether two secret byte strings are equal, in time that does not depend on
 * where they differ (a share re-entered at hand-off is compared this way).
 */
export function secretEquals(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A plain Uint8Array copy. shamir-secret-sharing 0.0.4 refuses a Node Buffer
 * (it checks `constructor === Uint8Array`, design/STACK-NOTES.md), so every
 * secret handed to it goes through here; the caller zeroes both copies.
 */
export function plainCopy(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
