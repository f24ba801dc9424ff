import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { shareWordsTarget } from '../../fuzz/targets/share-words.js';

const INPUTS = 1000;

describe('fuzzing share words and QR payloads (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is a share that spells exactly as typed, or a CustodyError naming what is wrong — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(shareWordsTarget, { seed: FUZZ_SEEDS['share-words'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
