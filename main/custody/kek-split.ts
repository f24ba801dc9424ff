import { randomBytes } from 'node:crypto';
import { combine, split } from 'shamir-secret-sharing';
import { CustodyError } from './custody-error.js';
import { KEK_BYTES } from './kek-check-value.js';
import { plainCopy, zero } from './secret-bytes.js';
import type { ShareEnvelope } from './share-envelope.js';

/** The facts every share of one split carries. */
export interface ShareSet {
  /** 16 hex digits naming this split; a share from another ceremony has another. */
  setId: string;
  threshold: number;
  shareCount: number;
}

/** A fresh share-set id: 8 random bytes, hex. Public: it names the ceremony's split, it protects nothing. */
export function newShareSetId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Checks a split's parameters before anything is drawn or wrapped.
 * @throws CustodyError share.split-params unless 2 ≤ M ≤ N ≤ 255 and the set id is 16 hex digits.
 */
export function checkShareSet({ setId, threshold, shareCount }: ShareSet): void {
  if (!(Number.isInteger(threshold) && Number.isInteger(shareCount) && threshold >= 2 && threshold <= shareCount && shareCount <= 255)) {
    throw new CustodyError('share.split-params', `A split needs 2 ≤ threshold ≤ shares ≤ 255; the script asks for ${threshold} of ${shareCount}.`);
  }
  if (!/^[0-9a-f]{16}$/.test(setId)) throw new CustodyError('share.split-params', 'The share-set id must be 16 lowercase hex digits.');
}

/**
 * Splits the KEK M-of-N with shamir-secret-sharing and puts each share in its
 * envelope, members numbered 1..N in order. The caller zeroes each envelope's
 * share (zeroShares) once it is handed off; the KEK stays the caller's.
 * @throws CustodyError share.split-params unless 2 ≤ M ≤ N ≤ 255; kek.length unless the KEK is 32 bytes.
 */
export async function splitKek(kek: Uint8Array, set: ShareSet): Promise<ShareEnvelope[]> {
  const { threshold, shareCount } = set;
  checkShareSet(set);
  if (kek.length !== KEK_BYTES) throw new CustodyError('kek.length', `The KEK must be ${KEK_BYTES} bytes; these are ${kek.length}.`);
  // The library refuses a Node Buffer (design/STACK-NOTES.md): hand it a plain copy.
  const secret = plainCopy(kek);
  try {
    const shares = await split(secret, shareCount, threshold);
    return shares.map((share, i) => ({ setId: set.setId, member: i + 1, threshold, shareCount, share }));
  } finally {
    zero(secret);
  }
}

/**
 * Rebuilds the KEK from envelopes, doing first every check shamir-secret-sharing
 * does not (design/STACK-NOTES.md: it does not know the threshold, so too few
 * shares give a wrong key with no error): one set, one shape, at least M
 * distinct members and x-coordinates. The result is NOT verified here: compare
 * its KCV with the recorded one (recovery-intake.ts does). Zero it after use.
 * @throws CustodyError share.too-few, share.too-many, share.other-ceremony, share.other-set-shape, share.duplicate.
 */
export async function combineShares(envelopes: readonly ShareEnvelope[]): Promise<Uint8Array> {
  const first = envelopes[0];
  if (!first || envelopes.length < first.threshold) {
    const need = first?.threshold;
    throw new CustodyError('share.too-few', `${envelopes.length} share${envelopes.length === 1 ? '' : 's'} entered; ${need ?? 'the threshold'} are needed. Nothing was combined.`);
  }
  if (envelopes.length > first.shareCount) throw new CustodyError('share.too-many', `${envelopes.length} shares entered but the set has only ${first.shareCount}.`);
  const members = new Set<number>();
  const xs = new Set<number>();
  for (const e of envelopes) {
    if (e.setId !== first.setId) throw new CustodyError('share.other-ceremony', `Member ${e.member}'s share belongs to share set ${e.setId}, not ${first.setId}: it is from another ceremony.`, { members: [e.member] });
    if (e.threshold !== first.threshold || e.shareCount !== first.shareCount || e.share.length !== first.share.length) {
      throw new CustodyError('share.other-set-shape', `Member ${e.member}'s share says ${e.threshold} of ${e.shareCount}, the others ${first.threshold} of ${first.shareCount}: the shares do not belong together.`, { members: [e.member] });
    }
    const x = e.share[e.share.length - 1]!;
    if (members.has(e.member) || xs.has(x)) throw new CustodyError('share.duplicate', `Member ${e.member}'s share was entered twice (or two shares carry the same point). Nothing was combined.`, { members: [e.member] });
    members.add(e.member);
    xs.add(x);
  }
  const copies = envelopes.map((e) => plainCopy(e.share));
  try {
    return await combine(copies);
  } finally {
    zero(...copies);
  }
}

/** Clears the secret share bytes of every envelope. */
export function zeroShares(envelopes: readonly ShareEnvelope[]): void {
  for (const e of envelopes) zero(e.share);
}
