import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { csrTarget } from '../../fuzz/targets/csr.js';

const INPUTS = 600;

describe('fuzzing CSRs (DER and PEM) (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is a valid CSR or a PkiError with a code and a message — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(csrTarget, { seed: FUZZ_SEEDS['csr'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
