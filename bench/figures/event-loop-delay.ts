import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hsm } from '../../main/hsm/hsm.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../test/support/softhsm.js';
import type { Figure } from '../figure.js';

/**
 * event_loop_max_delay_ms: the longest event-loop stall while an RSA-4096 key
 * pair is generated through the HSM layer. A blocking call would stall the
 * loop for the whole generation, which is measured alongside as the baseline.
 */
export const eventLoopMaxDelay: Figure = {
  name: 'event_loop_max_delay_ms',
  async run() {
    const store = createTokenStore(['bench-loop']);
    const token = store.tokens[0]!;
    const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
    try {
      const session = await hsm.openSession({ label: token.label });
      await session.login(new TextEncoder().encode(token.pin));
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      // A timer keeps the loop busy, so a stall shows up as a late tick.
      const ticker = setInterval(() => undefined, 1);
      histogram.enable();
      const start = process.hrtime.bigint();
      await session.generateKeyPair({ label: 'bench-rsa4096', type: { kind: 'rsa', bits: 4096 }, extractable: false });
      const generationMs = Number(process.hrtime.bigint() - start) / 1e6;
      histogram.disable();
      clearInterval(ticker);
      await session.logout();
      await session.close();
      const maxMs = histogram.max / 1e6;
      return {
        value: maxMs,
        unit: 'ms',
        goal: '≤ 50',
        baseline: `RSA-4096 generation time in the same run (${generationMs.toFixed(0)} ms): what a blocking call would stall`,
        met: maxMs <= 50,
        detail: { generation_ms: generationMs, p99_ms: histogram.percentile(99) / 1e6 },
      };
    } finally {
      await hsm.close();
      store.cleanup();
    }
  },
};
