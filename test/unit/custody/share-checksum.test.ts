import { describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { CustodyError } from '../../../main/custody/custody-error.js';
import { checkWords, diagnose, syndromes } from '../../../main/custody/share-checksum.js';
import { envelopeFromWords, envelopeToWords } from '../../../main/custody/share-envelope.js';
import { envelopeOf, shareVectors } from './share-vectors.js';

function refusal(words: Uint16Array): CustodyError {
  try {
    envelopeFromWords(words);
  } catch (error) {
    if (error instanceof CustodyError) return error;
    throw error;
  }
  throw new Error('altered words were accepted');
}

describe('share checksum', () => {
  it('computes the check words of every known-answer vector', () => {
    for (const v of shareVectors) {
      expect(checkWords(v.wordIndices.slice(0, -3)), v.name).toEqual(v.checkWords);
      expect(syndromes(v.wordIndices), v.name).toEqual([0, 0, 0]);
    }
  });

  it('detects every single-word substitution in a share and names its position (all 38 × 2047)', () => {
    const words = envelopeToWords(envelopeOf(shareVectors[1]!));
    expect(words.length).toBe(38);
    let cases = 0;
    for (let t = 0; t < words.length; t++) {
      for (let w = 0; w < 2048; w++) {
        if (w === words[t]) continue;
        const altered = words.slice();
        altered[t] = w;
        const error = refusal(altered);
        if (error.code !== 'share.word-wrong' || error.positions[0] !== t + 1 || error.positions.length !== 1) {
          expect.fail(`word ${t + 1} replaced by index ${w}: ${error.code} at ${error.positions.join(',')}`);
        }
        cases++;
      }
    }
    expect(cases).toBe(38 * 2047);
  });

  it('detects every swap of two adjacent words in every vector and names both positions', () => {
    let cases = 0;
    for (const v of shareVectors) {
      const words = Uint16Array.from(v.wordIndices);
      for (let t = 0; t + 1 < words.length; t++) {
        // Swapping two equal words changes nothing, so there is nothing to detect.
        if (words[t] === words[t + 1]) continue;
        const altered = words.slice();
        [altered[t], altered[t + 1]] = [altered[t + 1]!, altered[t]!];
        const error = refusal(altered);
        expect(error.code, `${v.name}: swap at ${t + 1}`).toBe('share.words-swapped');
        expect(error.positions).toEqual([t + 1, t + 2]);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(37);
  });

  it('names every adjacent swap at every data position, for every difference between the two words', () => {
    // The syndromes are linear, so a swap's diagnosis depends only on where it
    // is (t) and on the XOR of the two words (d): covering every (t, d) covers
    // every pair of words. Here both words are data words (positions 0..34).
    const base = envelopeToWords(envelopeOf(shareVectors[1]!));
    const dataLength = base.length - 3;
    for (let t = 0; t + 1 < dataLength; t++) {
      for (let d = 1; d < 2048; d++) {
        const words = base.slice();
        words[t + 1] = words[t]! ^ d;
        words.set(checkWords(words.subarray(0, dataLength)), dataLength);
        [words[t], words[t + 1]] = [words[t + 1]!, words[t]!];
        const diagnosis = diagnose(words);
        if (diagnosis.kind !== 'swapped-words' || diagnosis.position !== t) expect.fail(`swap at ${t + 1} with difference ${d}: ${JSON.stringify(diagnosis)}`);
      }
    }
  });

  it('names the swaps that involve check words, on 2,000 random shares', () => {
    for (let i = 0; i < 2000; i++) {
      const words = Uint16Array.from({ length: 38 }, () => randomInt(2048));
      words.set(checkWords(words.subarray(0, 35)), 35);
      for (let t = 34; t < 37; t++) {
        if (words[t] === words[t + 1]) continue;
        const altered = words.slice();
        [altered[t], altered[t + 1]] = [altered[t + 1]!, altered[t]!];
        expect(diagnose(altered)).toEqual({ kind: 'swapped-words', position: t });
      }
    }
  });

  it('never accepts two or three wrong words (10,000 random cases)', () => {
    const words = envelopeToWords(envelopeOf(shareVectors[1]!));
    for (let i = 0; i < 10_000; i++) {
      const altered = words.slice();
      const count = 2 + (i % 2);
      const positions = new Set<number>();
      while (positions.size < count) positions.add(randomInt(words.length));
      for (const p of positions) altered[p] = (altered[p]! + 1 + randomInt(2047)) % 2048;
      expect(diagnose(altered).kind).not.toBe('valid');
    }
  });
});
