import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from '../../fuzz/run-fuzz.js';
import { FUZZ_SEEDS } from '../../fuzz/seeds.js';
import { transcriptTarget } from '../../fuzz/targets/transcript.js';

const INPUTS = 800;

describe('fuzzing transcripts (fixed seed)', () => {
  it(`each of ${INPUTS} damaged inputs is a chain verdict naming the first bad line, the same when read in chunks — no crash, no hang, no stray rejection`, async () => {
    const report = await runFuzz(transcriptTarget, { seed: FUZZ_SEEDS['transcript'], inputs: INPUTS });
    expect(describeFailures(report)).toBe('');
    expect(report.inputs).toBe(INPUTS);
    expect(Object.keys(report.outcomes).filter((o) => o !== 'accepted').length).toBeGreaterThan(1);
  });
});
