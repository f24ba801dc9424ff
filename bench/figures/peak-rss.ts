import type { Figure } from '../figure.js';
import { custodianRehearsals } from './custodian-rehearsals.js';

const GOAL_MB = 512;

/**
 * peak_rss_mb: the peak resident memory (VmHWM of /proc/<pid>/status) of the
 * `conclave rehearse` process during the 255-custodian rehearsal of
 * custodians_255, against the 5-custodian one in the same run. The goal is a
 * budget for a ceremony laptop: half a gigabyte.
 */
export const peakRssMb: Figure = {
  name: 'peak_rss_mb',
  async run() {
    const { small, large } = await custodianRehearsals();
    return {
      value: large.peakRssMb,
      unit: 'MB',
      goal: `≤ ${GOAL_MB}`,
      baseline: `the 5-custodian rehearsal's peak, same run: ${small.peakRssMb.toFixed(0)} MB`,
      met: large.peakRssMb <= GOAL_MB,
      detail: { peak_mb_255_custodians: large.peakRssMb, peak_mb_5_custodians: small.peakRssMb },
    };
  },
};
