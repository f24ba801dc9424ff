/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same
 * inputs on every machine, so a failure found in CI or in `npm run fuzz` is
 * replayed from its seed and index. Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  (): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (n) => Math.floor(next() * n);
  next.chance = (p) => next() < p;
  next.pick = (items) => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[next.int(items.length)]!;
  };
  next.bytes = (n) => Uint8Array.from({ length: n }, () => next.int(256));
  return next;
}
