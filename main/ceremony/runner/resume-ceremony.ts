import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Hsm } from '../../hsm/hsm.js';
import { verifyChain } from '../../transcript/chain-verifier.js';
import { Journal } from '../../transcript/journal.js';
import type { TranscriptEvent } from '../../transcript/events.js';
import { TranscriptError } from '../../transcript/transcript-error.js';
import { checkScriptText, type LoadedScript } from '../script/load-script.js';
import { ScriptError } from '../script/script-error.js';
import type { CeremonyHost } from './ceremony-host.js';
import { CeremonyPrinter, type DocumentPrinter } from './ceremony-printer.js';
import { emptyState } from './ceremony-state.js';
import { TRANSCRIPT_FILE, finishCeremony, type FinishedBundle } from './finish-ceremony.js';
import { releaseRun } from './release-run.js';
import { discardUnvouchedFiles } from './resume-files.js';
import { backupGroup, resumePoint } from './resume-point.js';
import { recordedSerials, restoreState } from './resume-state.js';
import { RunContext, type TranscriptSink } from './run-context.js';
import { recordingWriter } from './start-ceremony.js';
import { openTokenSession } from './token-login.js';
import { assertRunnable, walkPlan } from './walk-plan.js';
import { serialNumbers } from '../steps/signing-issuer.js';

export interface ResumeOptions {
  bundleDir: string;
  host: CeremonyHost;
  /** Room settings; those recorded when the ceremony opened by default. */
  modulePath?: string;
  /** What prints the transcript and the cards; Chromium (or HTML) by default. The run closes it at the end. */
  printer?: DocumentPrinter;
  now?: () => Date;
}

/**
 * Continues a ceremony after a stop or a crash (design/PRODUCT.md: "loses
 * nothing"): the transcript's chain is checked (a half-written last line is
 * cut and recorded), files the transcript does not vouch for are removed,
 * every key and certificate it records is checked on the token and in the
 * bundle, ceremony.resumed is recorded, and the walk goes on from the first
 * step not completed. No key is generated twice. A ceremony already closed
 * only has its seal, printed transcript and SHA256SUMS (re)made.
 * @throws CeremonyError RESUME_MISMATCH when the HSM or the bundle disagrees with the transcript.
 */
export async function resumeCeremony(options: ResumeOptions): Promise<FinishedBundle> {
  const bundleDir = resolve(options.bundleDir);
  const scriptBytes = new Uint8Array(await readFile(join(bundleDir, 'ceremony.yaml')));
  const opened = await openedFacts(bundleDir, scriptBytes);
  const loaded = await reloadScript(bundleDir, scriptBytes, opened);
  assertRunnable(loaded);
  const now = options.now ?? (() => new Date());
  const { sink, events, discardedPartialLine, closed } = await reopenJournal(bundleDir, scriptBytes, now);
  const room = { modulePath: options.modulePath ?? String(opened.modulePath), tokenLabel: String(opened.tokenLabel), rehearsal: opened.rehearsal === true };
  const hsm = await Hsm.open({ modulePath: room.modulePath });
  const printer = options.printer ?? new CeremonyPrinter();
  let ctx: RunContext | undefined;
  try {
    const point = resumePoint(loaded.plan, events);
    const discardedFiles = closed ? [] : await discardUnvouchedFiles(bundleDir, events, point.interrupted, point.voidShareSet !== undefined, closed);
    ctx = new RunContext(loaded, room, bundleDir, options.host, hsm, sink, recordingWriter(bundleDir, () => ctx), emptyState(), events, printer, now);
    if (!closed) {
      // Recorded at once, before anything that can fail (the login, the checks
      // against the token): the cut line and the removed files are facts a
      // later resume could no longer see.
      await ctx.record('ceremony.resumed', point.interrupted?.id ?? 'open', ctx.administrator, {
        afterSeq: events.length - 1,
        ...(discardedPartialLine ? { discardedPartialLine } : {}),
        discardedFiles: discardedFiles.map((f) => ({ path: f.path, sha256: f.sha256, why: f.why })),
        interruptedStep: point.interrupted?.id ?? null,
        completedSteps: point.completed.size,
      });
      if (point.voidShareSet !== undefined) {
        await ctx.record('backup.voided', backupGroup(loaded.plan)[0]!.id, 'system', { shareSetId: point.voidShareSet, reason: 'The ceremony stopped before every custodian had proven receipt; the KEK was only in memory and is gone. The backup is made again with a new KEK and new shares.' });
      }
    }
    ctx.session = await openTokenSession(ctx, point.interrupted?.id ?? 'close');
    await restoreState(ctx.state, events, ctx.session, bundleDir, new Set(discardedFiles.map((f) => f.path)));
    for (const serial of recordedSerials(events)) serialNumbers(ctx).reserve(serial);
    if (closed) return await finishCeremony(ctx);
    return await walkPlan(ctx, point.completed, point.resumeInside);
  } finally {
    await releaseRun(ctx, hsm, printer);
  }
}

async function openedFacts(bundleDir: string, scriptBytes: Uint8Array): Promise<Record<string, unknown>> {
  const transcript = await readFile(join(bundleDir, TRANSCRIPT_FILE));
  const sha = createHash('sha256').update(scriptBytes).digest('hex');
  let first: TranscriptEvent | undefined;
  verifyChain(transcript, sha, { onEvent: (e) => (first ??= e) });
  if (!first || first.type !== 'ceremony.opened') throw new TranscriptError('TRANSCRIPT_CHAIN_BROKEN', `The transcript in ${bundleDir} does not start with ceremony.opened for this ceremony.yaml: it cannot be resumed.`, {});
  return first.data as Record<string, unknown>;
}

async function reloadScript(bundleDir: string, bytes: Uint8Array, opened: Record<string, unknown>): Promise<LoadedScript> {
  const scriptDir = String(opened.scriptDir);
  const source = typeof opened.sourceDir === 'string' ? { source: opened.sourceDir } : {};
  const file = join(bundleDir, 'ceremony.yaml');
  const checked = await checkScriptText(new TextDecoder().decode(bytes), scriptDir, source);
  if (!checked.ok) throw new ScriptError('SCRIPT_INVALID', file, checked.problems, `The ceremony's script no longer checks (files it names, under ${scriptDir}, moved or changed?); nothing was resumed.`);
  return {
    file,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    script: checked.script,
    plan: checked.plan,
    sourceDir: typeof opened.sourceDir === 'string' ? opened.sourceDir : undefined,
    files: checked.files,
    resolvePath: (path) => resolve(scriptDir, path),
  };
}

async function reopenJournal(bundleDir: string, scriptBytes: Uint8Array, now: () => Date): Promise<{ sink: TranscriptSink; events: TranscriptEvent[]; discardedPartialLine?: { bytes: number; sha256: string }; closed: boolean }> {
  const path = join(bundleDir, TRANSCRIPT_FILE);
  try {
    const resumed = await Journal.open(path, scriptBytes, { discardPartialLine: true, now });
    return { sink: resumed.journal, events: resumed.events, closed: false, ...(resumed.discardedPartialLine ? { discardedPartialLine: resumed.discardedPartialLine } : {}) };
  } catch (error) {
    if (!(error instanceof TranscriptError && error.code === 'TRANSCRIPT_CLOSED')) throw error;
    const events: TranscriptEvent[] = [];
    const transcript = await readFile(path);
    const chain = verifyChain(transcript, createHash('sha256').update(scriptBytes).digest('hex'), { onEvent: (e) => events.push(e) });
    const closedSink: TranscriptSink = { append: () => Promise.reject(error), appendAll: () => Promise.reject(error), close: async () => undefined, lastLineSha256: chain.lastLineSha256 };
    return { sink: closedSink, events, closed: true };
  }
}
