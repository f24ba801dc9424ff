import { createHash } from 'node:crypto';

/**
 * A share's fingerprint: the first 8 bytes of SHA-256 over the share bytes
 * (shamir-secret-sharing's share, x-coordinate included), lowercase hex
 * (design/FORMATS.md, "Share"). It is public: recorded in the transcript and
 * backup.json, printed on the card, and checked on every share at recovery
 * before any combining, so an altered share is named before it can spoil the KEK.
 */
export function shareFingerprint(share: Uint8Array): string {
  return createHash('sha256').update(share).digest().subarray(0, 8).toString('hex');
}
