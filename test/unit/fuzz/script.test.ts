import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { scriptTarget } from '../../fuzz/targets/script.js';

const INPUTS = 300;

describe('fuzzing ceremony scripts (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is a plan, or problems at a line and column inside the script — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(scriptTarget, { seed: FUZZ_SEEDS['script'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
