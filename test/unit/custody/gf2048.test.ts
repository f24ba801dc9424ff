import { describe, expect, it } from 'vitest';
import { gfDiv, gfLog, gfMul, gfPow, GF_ORDER } from '../../../main/custody/gf2048.js';

describe('GF(2^11)', () => {
  it('has a generator α whose powers are every non-zero element exactly once', () => {
    const seen = new Set<number>();
    for (let e = 0; e < GF_ORDER; e++) seen.add(gfPow(e));
    expect(seen.size).toBe(2047);
    expect(seen.has(0)).toBe(false);
    expect(gfPow(GF_ORDER)).toBe(1);
  });

  it('divides as the inverse of multiplying, for every non-zero divisor', () => {
    for (let b = 1; b < 2048; b++) {
      expect(gfMul(gfDiv(1234, b), b)).toBe(1234);
    }
  });

  it('takes logarithms that undo powers', () => {
    for (let a = 1; a < 2048; a++) expect(gfPow(gfLog(a))).toBe(a);
    expect(() => gfLog(0)).toThrow(RangeError);
  });
});
