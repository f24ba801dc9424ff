import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { backupTarget } from '../../fuzz/targets/backup.js';

const INPUTS = 800;

describe('fuzzing backup.json (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is a backup or a CustodyError naming the field — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(backupTarget, { seed: FUZZ_SEEDS['backup'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
