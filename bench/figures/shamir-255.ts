import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { combineShares, splitKek } from '../../main/custody/kek-split.js';
import type { Figure } from '../figure.js';

const SHARES = 255;
const THRESHOLD = 128;
const OUR_RUNS = 5;

/**
 * shamir_255: time to split a 32-byte KEK 255 ways with threshold 128 and
 * combine 128 of the shares, through main/custody (shamir-secret-sharing with
 * our checks), as a ratio to Debian's `ssss` (ssss-split / ssss-combine, hex
 * mode, 256-bit security level) doing the same in the same run. Ours is the
 * median of 5; ssss runs once (its combine alone takes seconds).
 */
export const shamir255: Figure = {
  name: 'shamir_255',
  async run() {
    const oursMs: number[] = [];
    for (let i = 0; i < OUR_RUNS; i++) {
      const kek = randomBytes(32);
      const start = performance.now();
      const shares = await splitKek(kek, { setId: '0123456789abcdef', threshold: THRESHOLD, shareCount: SHARES });
      const rebuilt = await combineShares(shares.slice(SHARES - THRESHOLD));
      oursMs.push(performance.now() - start);
      if (!Buffer.from(rebuilt).equals(kek)) throw new Error('shamir_255: the KEK did not come back');
      rebuilt.fill(0);
      for (const s of shares) s.share.fill(0);
    }
    const ours = oursMs.sort((a, b) => a - b)[Math.floor(OUR_RUNS / 2)]!;
    const ssss = runSsss();
    const ratio = ours / ssss.totalMs;
    return {
      value: ratio,
      unit: '× ssss',
      goal: '≤ 1.0',
      baseline: `ssss-split + ssss-combine (Debian ssss), 255 shares, threshold 128, in the same run: ${ssss.totalMs.toFixed(0)} ms`,
      met: ratio <= 1,
      detail: { ours_ms: ours, ssss_ms: ssss.totalMs, ssss_split_ms: ssss.splitMs, ssss_combine_ms: ssss.combineMs },
    };
  },
};

function runSsss(): { splitMs: number; combineMs: number; totalMs: number } {
  const secret = randomBytes(32).toString('hex');
  let start = performance.now();
  const split = spawnSync('ssss-split', ['-t', String(THRESHOLD), '-n', String(SHARES), '-x', '-s', '256', '-q'], { input: `${secret}\n`, encoding: 'utf8' });
  const splitMs = performance.now() - start;
  if (split.error || split.status !== 0) throw new Error(`shamir_255 needs Debian's ssss (apt-get install ssss): ssss-split failed: ${split.error?.message ?? split.stderr}`);
  const shares = split.stdout.trim().split('\n');
  start = performance.now();
  const combine = spawnSync('ssss-combine', ['-t', String(THRESHOLD), '-x', '-q'], { input: `${shares.slice(SHARES - THRESHOLD).join('\n')}\n`, encoding: 'utf8' });
  const combineMs = performance.now() - start;
  // ssss-combine -q prints the secret on stderr.
  if (combine.status !== 0 || !`${combine.stdout}${combine.stderr}`.includes(secret)) throw new Error(`shamir_255: ssss-combine did not rebuild the secret: ${combine.stderr}`);
  return { splitMs, combineMs, totalMs: splitMs + combineMs };
}
