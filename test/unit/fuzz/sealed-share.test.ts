import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { sealedShareTarget } from '../../fuzz/targets/sealed-share.js';

const INPUTS = 400;

describe('fuzzing sealed share files (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is the share, or a CustodyError (truncated, malformed, damaged, wrong passphrase) — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(sealedShareTarget, { seed: FUZZ_SEEDS['sealed-share'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
