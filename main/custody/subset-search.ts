import { combineShares } from './kek-split.js';
import { kekCheckValue } from './kek-check-value.js';
import { zero } from './secret-bytes.js';
import type { ShareEnvelope } from './share-envelope.js';

/** Beyond this many threshold-sized subsets the search is refused rather than run for minutes. */
export const MAX_SUBSETS = 20_000;

/** A KEK rebuilt from a subset whose KCV matched, and which members were in no matching subset. */
export interface SubsetSearchResult {
  kek: Uint8Array;
  usedMembers: number[];
  badMembers: number[];
}

/** How many subsets of size k a set of n has. */
export function subsetCount(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * With more than M shares and a KCV that fails over all of them, tries every
 * M-subset: subsets holding only good shares rebuild the KEK whose KCV is the
 * recorded one. A member in no matching subset is bad. Returns undefined when
 * no subset matches. Every wrong KEK tried is zeroed.
 */
export async function searchSubsets(envelopes: readonly ShareEnvelope[], threshold: number, kcv: string): Promise<SubsetSearchResult | undefined> {
  let found: SubsetSearchResult | undefined;
  const good = new Set<number>();
  for (const subset of subsets(envelopes.length, threshold)) {
    const chosen = subset.map((i) => envelopes[i]!);
    const kek = await combineShares(chosen);
    if (kekCheckValue(kek) === kcv) {
      for (const e of chosen) good.add(e.member);
      if (found) zero(kek);
      else found = { kek, usedMembers: chosen.map((e) => e.member), badMembers: [] };
    } else {
      zero(kek);
    }
  }
  if (found) found.badMembers = envelopes.map((e) => e.member).filter((m) => !good.has(m));
  return found;
}

function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}
