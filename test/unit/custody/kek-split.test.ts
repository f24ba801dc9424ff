import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { combineShares, newShareSetId, splitKek, zeroShares } from '../../../main/custody/kek-split.js';
import type { ShareEnvelope } from '../../../main/custody/share-envelope.js';

function subsets<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

const set = { setId: '0123456789abcdef', threshold: 3, shareCount: 5 };

describe('KEK split and combine', () => {
  it('recovers the KEK from every 3-subset of a 3-of-5 set', async () => {
    const kek = randomBytes(32);
    const shares = await splitKek(kek, set);
    const all = subsets(shares, 3);
    expect(all).toHaveLength(10);
    for (const subset of all) expect(Buffer.from(await combineShares(subset)).equals(kek)).toBe(true);
  });

  it('refuses every 2-subset of a 3-of-5 set before combining', async () => {
    const shares = await splitKek(randomBytes(32), set);
    for (const subset of subsets(shares, 2)) {
      await expect(combineShares(subset)).rejects.toMatchObject({ code: 'share.too-few', message: expect.stringMatching(/3 are needed\. Nothing was combined/) });
    }
  });

  it('numbers members 1..N, each with its own x-coordinate, independent of it', async () => {
    const shares = await splitKek(randomBytes(32), { ...set, threshold: 2, shareCount: 255 });
    expect(shares.map((s) => s.member)).toEqual(Array.from({ length: 255 }, (_, i) => i + 1));
    const xs = new Set(shares.map((s) => s.share[32]));
    expect(xs.size).toBe(255);
    expect(shares.some((s) => s.share[32] !== s.member)).toBe(true);
  });

  it('takes a Node Buffer KEK (the library alone refuses one) and leaves it untouched', async () => {
    const kek = Buffer.from(randomBytes(32));
    const copy = Buffer.from(kek);
    const shares = await splitKek(kek, set);
    expect(kek.equals(copy)).toBe(true);
    expect(Buffer.from(await combineShares(shares.slice(2))).equals(copy)).toBe(true);
  });

  it('refuses a threshold or count outside 2 ≤ M ≤ N ≤ 255', async () => {
    for (const [threshold, shareCount] of [[1, 3], [4, 3], [2, 256]]) {
      await expect(splitKek(randomBytes(32), { ...set, threshold: threshold!, shareCount: shareCount! })).rejects.toMatchObject({ code: 'share.split-params' });
    }
  });

  it('refuses to combine a share from another set, naming its member', async () => {
    const a = await splitKek(randomBytes(32), set);
    const b = await splitKek(randomBytes(32), { ...set, setId: newShareSetId() });
    await expect(combineShares([a[0]!, a[1]!, b[2]!])).rejects.toMatchObject({ code: 'share.other-ceremony', members: [3] });
  });

  it('refuses a duplicate share before the library sees it', async () => {
    const shares = await splitKek(randomBytes(32), set);
    await expect(combineShares([shares[0]!, shares[1]!, shares[1]!])).rejects.toMatchObject({ code: 'share.duplicate', members: [2] });
  });

  it('clears every share when asked', async () => {
    const shares: ShareEnvelope[] = await splitKek(randomBytes(32), set);
    zeroShares(shares);
    expect(shares.every((s) => s.share.every((b) => b === 0))).toBe(true);
  });
});
