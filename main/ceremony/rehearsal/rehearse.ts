import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyBundle } from '../../bundle/verify-bundle.js';
import type { BundleReport } from '../../bundle/verify-report.js';
import type { RunnerNotice } from '../runner/ceremony-host.js';
import type { FinishedBundle } from '../runner/finish-ceremony.js';
import { PracticeRoom } from './practice-room.js';
import { planRehearsal } from './rehearsal-plan.js';
import type { PracticeShareStick } from './practice-host.js';
import type { DrillResult } from './recovery-drill.js';

/** The example root script: the default rehearsal, and the practice root a later kind builds on. */
export const EXAMPLE_ROOT_SCRIPT = fileURLToPath(new URL('../../../examples/root-key-generation.yaml', import.meta.url));

export interface RehearsalOptions {
  scriptPath: string;
  bundleDir: string;
  /** The root script rehearsed first for a kind that builds on earlier state. Default: the example root script. */
  rootScriptPath?: string;
  /** Where that practice root bundle goes (new or empty). Default: a new temporary folder, kept and reported. */
  sourceDir?: string;
  /**
   * Rehearse in a room that already holds a practice root (its tokens, cards
   * and bundle), instead of making one: several later ceremonies can build on
   * one root rehearsal. The room stays open.
   */
  practice?: { room: PracticeRoom; sourceDir: string };
  onNotice?: (notice: RunnerNotice) => void;
  /** Announces each part of the rehearsal (practice root, the ceremony, the drill). */
  onPhase?: (phase: string) => void;
}

export interface RehearsalResult {
  finished: FinishedBundle;
  /** The practice root bundle the ceremony built on (kinds that need earlier state). */
  source: string | undefined;
  drill: DrillResult | undefined;
  report: BundleReport;
  media: string[];
  /** Each practice custodian's own stick holding their sealed share file (scripts with sealedShareFiles). */
  shareSticks: PracticeShareStick[];
  ok: boolean;
}

/**
 * A whole ceremony on throwaway SoftHSM tokens, every answer given by the
 * practice host, every output marked REHEARSAL. Both scripts are checked
 * first, before any token exists. A kind that needs earlier state (a root
 * on the token, a backup, shares) first rehearses the root script on the same
 * throwaway token and builds on that practice bundle as its source (see
 * planRehearsal for the token labels). A ceremony that makes a backup (root,
 * rotation) ends with the recovery drill into another throwaway token; then
 * verify runs on the bundle. The tokens are deleted at the end.
 * @throws ScriptError before anything is touched; CeremonyError, HsmError… from the ceremonies.
 */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const rootScriptPath = options.rootScriptPath ?? EXAMPLE_ROOT_SCRIPT;
  const planned = await planRehearsal(options.scriptPath, rootScriptPath, options.practice?.sourceDir);
  const room = options.practice?.room ?? PracticeRoom.open(planned.tokens, options.onNotice);
  try {
    let source = options.practice?.sourceDir;
    if (planned.root) {
      source = resolve(options.sourceDir ?? mkdtempSync(join(tmpdir(), 'conclave-practice-source-')));
      options.onPhase?.(`Practice root ceremony ${planned.root.scriptPath} on token "${planned.root.tokenLabel}", the source this ceremony builds on: ${source}`);
      const root = await room.ceremony(planned.root.scriptPath, source, { tokenLabel: planned.root.tokenLabel });
      // The practice root's USB copies served nothing here (the bundle is the source): they go, like the sticks of a practice.
      for (const medium of [...root.media, ...root.shareSticks.map((s) => s.folder)]) rmSync(medium, { recursive: true, force: true });
    }
    if (!room.hasToken(planned.script.hsm.token)) room.addToken(planned.script.hsm.token);
    options.onPhase?.(`Ceremony ${options.scriptPath} on token "${planned.script.hsm.token}"`);
    const { finished, cards, media, shareSticks } = await room.ceremony(options.scriptPath, options.bundleDir, source !== undefined ? { source } : {});
    let drill: DrillResult | undefined;
    if (planned.drill) {
      options.onPhase?.('Recovery drill into a second throwaway token');
      drill = await room.drill(finished.bundleDir, cards);
    }
    const report = await verifyBundle(finished.bundleDir);
    return { finished, source: planned.root ? source : undefined, drill, report, media, shareSticks, ok: report.verdict === 'verified' };
  } finally {
    if (!options.practice) room.close();
  }
}
