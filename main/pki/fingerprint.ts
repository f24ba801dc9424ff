import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, lowercase hex: the form the transcript and SHA256SUMS use. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A hex fingerprint in the form `openssl x509 -fingerprint -sha256` prints
 * (uppercase, colon-separated), so people can compare it by eye with openssl's output.
 */
export function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}
