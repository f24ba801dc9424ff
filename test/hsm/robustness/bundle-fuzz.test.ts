import { describe, expect, it } from 'vitest';
import { rehearsalBundle } from '../../fuzz/rehearsal-bundle.js';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { bundleTarget } from '../../fuzz/targets/bundle.js';

const INPUTS = 150;

// The bundle fuzz needs a real bundle, so it lives with the SoftHSM tests:
// one rehearsal of the example root ceremony (HTML printouts, for speed), then
// every input is a fresh copy of it with one thing changed.
describe('fuzzing conclave verify on a real bundle (fixed seed)', () => {
  it(`each of ${INPUTS} damaged copies of a rehearsal bundle gets a report with a verdict, or a BundleError — no crash, no hang`, async () => {
    const report = await runFuzz(bundleTarget(() => rehearsalBundle({ pdf: false })), { seed: FUZZ_SEEDS.bundle, inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(report.outcomes['verdict:failed']).toBeGreaterThan(INPUTS / 2);
  }, 300_000);
});
