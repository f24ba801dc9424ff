/**
 * Hex as people read it aloud in the ceremony room: in groups of four, so a
 * witness can say "a1b2 — c3d4 — …" and the other side can follow on paper.
 */

const HEX = /^[0-9a-fA-F]+$/;

/** True when `value` is nothing but hex digits (colons between bytes allowed). */
export function isHex(value: string): boolean {
  return value.length > 0 && HEX.test(value.replaceAll(':', ''));
}

/**
 * Splits hex into groups of `size` digits separated by single spaces, in
 * lower case (as sha256sum and openssl print it). Byte colons are dropped.
 * Values that are not hex are returned as they are.
 */
export function groupHex(value: string, size = 4): string {
  if (!isHex(value)) return value;
  const digits = value.replaceAll(':', '').toLowerCase();
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  return groups.join(' ');
}

/** The first 16 hex digits of a SHA-256, as each printed page's footer carries it. */
export function hashPrefix(sha256: string): string {
  return sha256.toLowerCase().slice(0, 16);
}
