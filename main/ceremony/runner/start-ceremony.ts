import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BundleWriter } from '../../bundle/bundle-writer.js';
import { Hsm } from '../../hsm/hsm.js';
import { defaultModulePath } from '../../hsm/default-module.js';
import { Journal } from '../../transcript/journal.js';
import { appIdentity } from '../preflight/app-identity.js';
import { loadScript } from '../script/load-script.js';
import { CeremonyError } from './ceremony-error.js';
import type { CeremonyHost } from './ceremony-host.js';
import { CeremonyPrinter, type DocumentPrinter } from './ceremony-printer.js';
import { emptyState } from './ceremony-state.js';
import { TRANSCRIPT_FILE, type FinishedBundle } from './finish-ceremony.js';
import { RunContext, fileWrittenEvent, type RoomSettings } from './run-context.js';
import { releaseRun } from './release-run.js';
import { assertRunnable, walkPlan } from './walk-plan.js';

export interface StartOptions {
  scriptPath: string;
  /** The bundle's folder: new, or empty. */
  bundleDir: string;
  host: CeremonyHost;
  /** Room settings; the script's by default. */
  modulePath?: string;
  tokenLabel?: string;
  rehearsal?: boolean;
  /** The source bundle for ceremonies that build on one (a rehearsal's practice bundle). */
  source?: string;
  /** What prints the transcript and the cards; Chromium (or HTML) by default. The run closes it at the end. */
  printer?: DocumentPrinter;
  now?: () => Date;
}

/**
 * Runs a ceremony from its script. The script is validated and its plan
 * checked runnable before the HSM or the bundle is touched; the bundle folder
 * must be new or empty (nothing is ever overwritten).
 * @throws ScriptError, CeremonyError, HsmError, … — the transcript written so far stays, for `conclave resume`.
 */
export async function startCeremony(options: StartOptions): Promise<FinishedBundle> {
  const loaded = await loadScript(options.scriptPath, options.source !== undefined ? { source: options.source } : {});
  assertRunnable(loaded);
  const bundleDir = resolve(options.bundleDir);
  await assertFreshFolder(bundleDir);
  const room: RoomSettings = {
    modulePath: options.modulePath ?? loaded.script.hsm.module ?? defaultModulePath(),
    tokenLabel: options.tokenLabel ?? loaded.script.hsm.token,
    rehearsal: options.rehearsal ?? false,
  };
  const hsm = await Hsm.open({ modulePath: room.modulePath });
  const printer = options.printer ?? new CeremonyPrinter();
  const now = options.now ?? (() => new Date());
  let ctx: RunContext | undefined;
  try {
    const journal = await Journal.create(join(bundleDir, TRANSCRIPT_FILE), loaded.bytes, {
      ceremonyId: loaded.script.id,
      kind: loaded.script.kind,
      title: loaded.script.title,
      rehearsal: room.rehearsal,
      appVersion: appIdentity().version,
      modulePath: room.modulePath,
      tokenLabel: room.tokenLabel,
      scriptDir: resolve(loaded.file, '..'),
      ...(loaded.sourceDir !== undefined ? { sourceDir: loaded.sourceDir } : {}),
    }, { now });
    ctx = new RunContext(loaded, room, bundleDir, options.host, hsm, journal, recordingWriter(bundleDir, () => ctx), emptyState(), [], printer, now);
    return await walkPlan(ctx, new Set());
  } finally {
    await releaseRun(ctx, hsm, printer);
  }
}

/** A bundle writer whose every file goes into the transcript (file.written) under the step that wrote it. */
export function recordingWriter(bundleDir: string, context: () => RunContext | undefined): BundleWriter {
  return new BundleWriter(bundleDir, {
    onFilesWritten: async (files) => {
      const ctx = context()!;
      await ctx.recordAll(files.map((file) => fileWrittenEvent(ctx.currentStep, file)));
    },
  });
}

async function assertFreshFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.includes(TRANSCRIPT_FILE)) {
    throw new CeremonyError('OUTPUT_EXISTS', `${dir} already holds a ceremony's transcript. Nothing is overwritten: continue it with \`conclave resume ${dir}\`, or choose a new folder.`);
  }
  if (entries.length > 0) throw new CeremonyError('OUTPUT_EXISTS', `${dir} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}). A ceremony writes into a new or empty folder: choose another.`);
}
