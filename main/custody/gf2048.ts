/**
 * Arithmetic in GF(2^11), the field whose 2048 elements are exactly the 2048
 * BIP-39 word indices. The share checksum (share-checksum.ts) is a
 * Reed–Solomon check over these symbols, so one wrong word is one wrong symbol.
 *
 * Field polynomial x^11 + x^2 + 1 (primitive, so α = x generates all 2047
 * non-zero elements; test/unit/custody/gf2048.test.ts checks the full cycle).
 */
const FIELD_POLYNOMIAL = 0x805;
/** Number of non-zero elements, the order of α. */
export const GF_ORDER = 2047;

const EXP = new Uint16Array(GF_ORDER * 2);
const LOG = new Int16Array(2048).fill(-1);
{
  let x = 1;
  for (let i = 0; i < GF_ORDER; i++) {
    EXP[i] = x;
    EXP[i + GF_ORDER] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x800) x ^= FIELD_POLYNOMIAL;
  }
}

/** α^e for any integer e (negative exponents included). */
export function gfPow(e: number): number {
  return EXP[((e % GF_ORDER) + GF_ORDER) % GF_ORDER]!;
}

/** The discrete logarithm of a non-zero element: α^gfLog(a) = a. */
export function gfLog(a: number): number {
  const l = LOG[a]!;
  if (l < 0) throw new RangeError('log of zero in GF(2^11)');
  return l;
}

/** Product in GF(2^11). */
export function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** Quotient a / b in GF(2^11); b must not be zero. */
export function gfDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero in GF(2^11)');
  return a === 0 ? 0 : EXP[LOG[a]! - LOG[b]! + GF_ORDER]!;
}
