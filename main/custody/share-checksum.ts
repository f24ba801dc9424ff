import { gfDiv, gfLog, gfMul, gfPow, GF_ORDER } from './gf2048.js';

/**
 * The share checksum: three check words appended to the data words, chosen so
 * that the whole sequence w_0 … w_{n-1} (each word an element of GF(2^11))
 * satisfies, for k = 0, 1, 2,
 *
 *     S_k = Σ_t w_t · α^(k·t) = 0.
 *
 * That is a Reed–Solomon code with minimum distance 4, so any one, two or
 * three wrong words are always detected. The syndromes also say where:
 * - one wrong word at t (error e): S0 = e, S1 = e·α^t, S2 = e·α^(2t);
 * - words t and t+1 swapped (d = w_t ⊕ w_{t+1}): S0 = 0, S1 = d·α^t·(1+α),
 *   S2 = d·α^(2t)·(1+α)².
 * The two patterns never look alike (S0 = 0 only for the swap), so the
 * position named is the right one for every single substitution and every
 * adjacent swap (test/unit/custody/share-checksum.test.ts checks them all).
 * Nothing is ever corrected: the diagnosis only names positions.
 */
export const CHECK_WORDS = 3;

/** What the checksum says about a sequence of words (positions are 0-based here). */
export type ChecksumDiagnosis =
  | { kind: 'valid' }
  | { kind: 'wrong-word'; position: number }
  | { kind: 'swapped-words'; position: number }
  | { kind: 'unlocated' };

/** The three syndromes of a word sequence; all zero for a valid one. */
export function syndromes(words: ArrayLike<number>): [number, number, number] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let t = 0; t < words.length; t++) {
    const w = words[t]!;
    s0 ^= w;
    s1 ^= gfMul(w, gfPow(t));
    s2 ^= gfMul(w, gfPow(2 * t));
  }
  return [s0, s1, s2];
}

// The check words p_0..p_2 sit at positions m..m+2 and must cancel the data's
// syndromes D_k: Σ_j p_j·α^(k(m+j)) = D_k. Dividing row k by α^(km) leaves the
// same 3×3 Vandermonde matrix (nodes 1, α, α²) for every length; its inverse is
// computed once here by Gauss–Jordan elimination.
const VANDERMONDE_INVERSE = invert3([
  [1, 1, 1],
  [1, gfPow(1), gfPow(2)],
  [1, gfPow(2), gfPow(4)],
]);

/**
 * The three check words for `dataWords`, to be appended after them.
 * @throws RangeError when the sequence would be too long for the field (over 2047 words).
 */
export function checkWords(dataWords: ArrayLike<number>): [number, number, number] {
  const m = dataWords.length;
  if (m + CHECK_WORDS > GF_ORDER) throw new RangeError(`a checked sequence holds at most ${GF_ORDER} words`);
  const d = syndromes(dataWords);
  const y = d.map((dk, k) => gfMul(dk, gfPow(-k * m)));
  const p = VANDERMONDE_INVERSE.map((row) => row.reduce((acc, v, j) => acc ^ gfMul(v, y[j]!), 0));
  return [p[0]!, p[1]!, p[2]!];
}

/** Checks a whole sequence (data words then check words) and, when it fails, names where. */
export function diagnose(words: ArrayLike<number>): ChecksumDiagnosis {
  const [s0, s1, s2] = syndromes(words);
  if (s0 === 0 && s1 === 0 && s2 === 0) return { kind: 'valid' };
  const n = words.length;
  if (s0 !== 0 && s1 !== 0 && gfMul(s1, s1) === gfMul(s0, s2)) {
    const t = gfLog(gfDiv(s1, s0));
    if (t < n) return { kind: 'wrong-word', position: t };
  }
  if (s0 === 0 && s1 !== 0 && s2 !== 0) {
    const onePlusAlpha = 1 ^ gfPow(1);
    const t = gfLog(gfDiv(s2, gfMul(s1, onePlusAlpha)));
    // The error value the syndromes imply must be exactly the difference of
    // the two words as read; otherwise this is not a plain swap.
    if (t + 1 < n && gfDiv(s1, gfMul(gfPow(t), onePlusAlpha)) === (words[t]! ^ words[t + 1]!)) {
      return { kind: 'swapped-words', position: t };
    }
  }
  return { kind: 'unlocated' };
}

function invert3(matrix: number[][]): number[][] {
  const a = matrix.map((row, i) => [...row, ...[0, 1, 2].map((j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < 3; col++) {
    const pivot = a.findIndex((row, r) => r >= col && row[col] !== 0);
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const inv = gfDiv(1, a[col]![col]!);
    a[col] = a[col]!.map((v) => gfMul(v, inv));
    for (let r = 0; r < 3; r++) {
      const f = a[r]![col]!;
      if (r !== col && f !== 0) a[r] = a[r]!.map((v, j) => v ^ gfMul(f, a[col]![j]!));
    }
  }
  return a.map((row) => row.slice(3));
}
