import type { Figure } from '../figure.js';
import { custodianRehearsals } from './custodian-rehearsals.js';

/**
 * custodians_255: `conclave rehearse` of the example root ceremony with 255
 * custodians (threshold 128) against the same with 5 (threshold 3), both in
 * the same run, no PDFs, each normalised per custodian:
 * (t255 / 255) / (t5 / 5). At most 1.0 means the cost grows no worse than
 * linearly in custodians. The detail gives the marginal cost of a custodian
 * (hand-off with its receipt, card, share check in the recovery drill).
 */
export const custodians255: Figure = {
  name: 'custodians_255',
  async run() {
    const { small, large } = await custodianRehearsals();
    const ratio = large.ms / large.custodians / (small.ms / small.custodians);
    return {
      value: ratio,
      unit: 'per-custodian ratio',
      goal: '≤ 1.0 (no worse than linear)',
      baseline: `the same rehearsal with 5 custodians (3 of 5), same run: ${small.ms.toFixed(0)} ms`,
      met: ratio <= 1,
      detail: {
        ms_255_custodians: large.ms,
        ms_5_custodians: small.ms,
        marginal_ms_per_custodian: (large.ms - small.ms) / (large.custodians - small.custodians),
        ms_per_custodian_at_5: small.ms / small.custodians,
        ms_per_custodian_at_255: large.ms / large.custodians,
      },
    };
  },
};
