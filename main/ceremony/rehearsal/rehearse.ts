import { Hsm } from '../../hsm/hsm.js';
import { defaultModulePath } from '../../hsm/default-module.js';
import { verifyBundle } from '../../bundle/verify-bundle.js';
import type { BundleReport } from '../../bundle/verify-report.js';
import { loadScript } from '../script/load-script.js';
import type { RunnerNotice } from '../runner/ceremony-host.js';
import type { FinishedBundle } from '../runner/finish-ceremony.js';
import { startCeremony } from '../runner/start-ceremony.js';
import { PracticeHost } from './practice-host.js';
import { PracticeTokenStore } from './practice-token-store.js';
import { recoveryDrill, type DrillResult } from './recovery-drill.js';

export const RECOVERY_TOKEN = 'conclave-recovery-drill';

export interface RehearsalOptions {
  scriptPath: string;
  bundleDir: string;
  onNotice?: (notice: RunnerNotice) => void;
}

export interface RehearsalResult {
  finished: FinishedBundle;
  drill: DrillResult | undefined;
  report: BundleReport;
  media: string[];
  ok: boolean;
}

/**
 * A whole ceremony on a throwaway SoftHSM token, every answer given by the
 * practice host, every output marked REHEARSAL; then, for a ceremony that
 * makes a backup, the recovery drill into a second throwaway token; then
 * verify on the bundle. The tokens are deleted at the end.
 */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const loaded = await loadScript(options.scriptPath);
  const store = PracticeTokenStore.create([loaded.script.hsm.token, RECOVERY_TOKEN]);
  const pins = new Map(store.tokens.map((t) => [t.label, t.pin]));
  const host = new PracticeHost(pins, options.onNotice);
  try {
    const finished = await startCeremony({ scriptPath: options.scriptPath, bundleDir: options.bundleDir, host, rehearsal: true, modulePath: defaultModulePath() });
    let drill: DrillResult | undefined;
    if (loaded.script.kind === 'root-key-generation') {
      const hsm = await Hsm.open({ modulePath: defaultModulePath() });
      try {
        drill = await recoveryDrill(hsm, finished.bundleDir, host.cards, { label: RECOVERY_TOKEN, pin: pins.get(RECOVERY_TOKEN)! });
      } finally {
        await hsm.close();
      }
    }
    const report = await verifyBundle(finished.bundleDir);
    return { finished, drill, report, media: host.media, ok: report.verdict === 'verified' };
  } finally {
    host.forget();
    store.remove();
  }
}
