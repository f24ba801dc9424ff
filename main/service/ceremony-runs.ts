import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CeremonyRun, InterruptedCeremony, RunRoom, RunScript } from '../../shared/ipc/ceremony-channels.js';
import type { TranscriptTail } from '../../shared/ipc/runner-events.js';
import { defaultModulePath } from '../hsm/default-module.js';
import { EXAMPLE_ROOT_SCRIPT } from '../ceremony/rehearsal/rehearse.js';
import { planRehearsal } from '../ceremony/rehearsal/rehearsal-plan.js';
import type { RunnerNotice } from '../ceremony/runner/ceremony-host.js';
import type { FinishedBundle } from '../ceremony/runner/finish-ceremony.js';
import { TRANSCRIPT_FILE } from '../ceremony/runner/finish-ceremony.js';
import type { DocumentPrinter } from '../ceremony/runner/ceremony-printer.js';
import { resumeCeremony } from '../ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../ceremony/runner/start-ceremony.js';
import { loadScript, type LoadedScript } from '../ceremony/script/load-script.js';
import { readBundleCeremony } from './bundle-ceremony.js';
import type { CeremonyLedger } from './ceremony-ledger.js';
import { CeremonyRunError } from './ceremony-run-error.js';
import { toErrorValue } from './error-value.js';
import type { EventSink } from './event-sink.js';
import type { PracticeRooms } from './practice-rooms.js';
import type { RendererHost } from './renderer-host.js';
import { RunHost } from './run-host.js';
import { TranscriptLines } from './transcript-lines.js';

export interface CeremonyRunsOptions {
  /** The app's host: the runner's questions go to the screen through it. */
  screen: RendererHost;
  emit: EventSink;
  /** The room's PKCS#11 module, for a script that names none. */
  modulePath: () => string;
  ledger: CeremonyLedger;
  practice: PracticeRooms;
  /** A printer for each run (the app's prints with Electron); the runner's Chromium printer when not given. */
  printer?: () => DocumentPrinter;
}

/** A rehearsal's practice token store and its PIN. */
interface PracticeAccess {
  conf: string;
  pin: Uint8Array;
}

interface ActiveRun {
  summary: CeremonyRun;
  host: RunHost;
  participants: string[];
  /** Settles when the runner has finished or stopped and released the HSM. */
  done: Promise<void>;
}

/**
 * The app's ceremony runs, one at a time: the runner in main with the screen
 * as its host (RunHost over RendererHost). A run is started and left to walk;
 * its questions, steps, progress and transcript lines go to the screen as
 * events, and its state is kept for a screen that (re)opens late.
 */
export class CeremonyRuns {
  private run: ActiveRun | undefined;

  constructor(private readonly options: CeremonyRunsOptions) {}

  /** The run in progress, or the one that just finished or stopped. */
  status(): CeremonyRun | null {
    return this.run ? structuredClone(this.run.summary) : null;
  }

  /**
   * Rehearses a script of any kind on throwaway SoftHSM tokens, into a new
   * temporary folder. A kind that builds on earlier state (a root on the
   * token, a backup, shares) first rehearses the example root ceremony on the
   * same tokens, unattended, and builds on that practice bundle — the tokens,
   * labels and checks are planRehearsal's, as for `conclave rehearse`.
   * @throws ScriptError before any token exists; CeremonyError PREFLIGHT_FAILED (the practice root lacks what the script uses); CeremonyRunError ceremony.busy.
   */
  async rehearse(scriptPath: string = EXAMPLE_ROOT_SCRIPT): Promise<CeremonyRun> {
    this.refuseWhileRunning();
    const planned = await planRehearsal(scriptPath, EXAMPLE_ROOT_SCRIPT);
    const file = resolve(scriptPath);
    const sha256 = createHash('sha256').update(await readFile(file)).digest('hex');
    const tokenLabel = planned.script.hsm.token;
    const store = this.options.practice.open(planned.tokens.includes(tokenLabel) ? planned.tokens : [...planned.tokens, tokenLabel]);
    const pin = store.tokens.find((t) => t.label === tokenLabel)!.pin;
    const bundleDir = mkdtempSync(join(tmpdir(), 'conclave-rehearsal-bundle-'));
    const source = planned.root ? mkdtempSync(join(tmpdir(), 'conclave-practice-source-')) : undefined;
    const modulePath = defaultModulePath();
    const room: RunRoom = { modulePath, tokenLabel, rehearsal: true, ...(source !== undefined ? { sourceDir: source } : {}) };
    const script: RunScript = { file, sha256, plan: planned.plan, participants: planned.script.participants.map((p) => ({ name: p.name, role: p.role })) };
    await this.options.ledger.add({ bundleDir, practiceConf: store.conf });
    return this.launch('rehearsal', bundleDir, script, room, [], { conf: store.conf, pin }, async (host) => {
      if (planned.root && source !== undefined) {
        const first = planned.plan.steps[0]?.id ?? 'open';
        host.notify({ kind: 'progress', step: first, message: `Rehearsing the example root ceremony first, unattended, on the practice token "${planned.root.tokenLabel}": this ${planned.script.kind} ceremony builds on its keys and its bundle (${source}; its custodian cards are in custodians/ there).` });
        await this.options.practice.practiceRoot(store.conf, planned.root, source, this.printer());
      }
      return startCeremony({ scriptPath: file, bundleDir, host, rehearsal: true, modulePath, ...(source !== undefined ? { source } : {}), ...this.printer() });
    });
  }

  /**
   * Runs a ceremony from its script on the room's HSM, into a new or empty folder.
   * @throws ScriptError before anything is touched; CeremonyRunError ceremony.busy.
   */
  async start(scriptPath: string, bundleDir: string): Promise<CeremonyRun> {
    this.refuseWhileRunning();
    const loaded = await loadScript(scriptPath);
    const modulePath = loaded.script.hsm.module ?? this.options.modulePath();
    const room: RunRoom = { modulePath, tokenLabel: loaded.script.hsm.token, rehearsal: false };
    const dir = resolve(bundleDir);
    await this.options.ledger.add({ bundleDir: dir });
    return this.launch('ceremony', dir, runScript(loaded), room, [], undefined, (host) =>
      startCeremony({ scriptPath: loaded.file, bundleDir: dir, host, modulePath, ...this.printer() }),
    );
  }

  /**
   * Continues an interrupted ceremony from its transcript (a rehearsal on its practice token, while this process keeps it).
   * @throws CeremonyRunError ceremony.busy, ceremony.already-finished, ceremony.practice-gone; ScriptError.
   */
  async resume(bundleDir: string): Promise<CeremonyRun> {
    this.refuseWhileRunning();
    const dir = resolve(bundleDir);
    const ceremony = await readBundleCeremony(dir);
    if (ceremony.finished) throw new CeremonyRunError('ceremony.already-finished', `The ceremony in ${dir} is finished (its SHA256SUMS is written): there is nothing to resume. Verify the bundle instead.`);
    let practice: PracticeAccess | undefined;
    if (ceremony.room.rehearsal) {
      const conf = (await this.options.ledger.entries()).find((e) => e.bundleDir === dir)?.practiceConf;
      const token = conf !== undefined ? this.options.practice.reopen(conf, ceremony.room.tokenLabel) : undefined;
      if (conf === undefined || !token) throw new CeremonyRunError('ceremony.practice-gone', practiceGone);
      practice = { conf, pin: token.pin };
    }
    const reader = new TranscriptLines(join(dir, TRANSCRIPT_FILE));
    const lines = await reader.next();
    return this.launch('resume', dir, ceremony.script, ceremony.room, lines, practice, (host) => resumeCeremony({ bundleDir: dir, host, ...this.printer() }), reader);
  }

  /** Ceremonies this app started that never finished, newest last; finished or vanished ones leave the list. */
  async interrupted(): Promise<InterruptedCeremony[]> {
    const found: InterruptedCeremony[] = [];
    for (const entry of await this.options.ledger.entries()) {
      if (this.run?.summary.state === 'running' && this.run.summary.bundleDir === entry.bundleDir) continue;
      if (!existsSync(join(entry.bundleDir, TRANSCRIPT_FILE))) {
        await this.options.ledger.remove(entry.bundleDir);
        continue;
      }
      const ceremony = await readBundleCeremony(entry.bundleDir).catch(() => undefined);
      if (!ceremony) continue;
      if (ceremony.finished) {
        await this.options.ledger.remove(entry.bundleDir);
        continue;
      }
      const gone = ceremony.room.rehearsal && (entry.practiceConf === undefined || !this.options.practice.has(entry.practiceConf));
      found.push({
        bundleDir: entry.bundleDir,
        ceremonyId: ceremony.ceremonyId,
        title: ceremony.title,
        kind: ceremony.kind,
        rehearsal: ceremony.room.rehearsal,
        completedSteps: new Set(ceremony.lines.filter((l) => l.type === 'step.completed').map((l) => l.step)).size,
        totalSteps: ceremony.script.plan.steps.length,
        lastAt: ceremony.lines.at(-1)?.facts?.at ?? '',
        blocked: gone ? practiceGone : null,
      });
    }
    return found;
  }

  /**
   * Records a deviation the room noticed, under the step being walked.
   * @throws CeremonyRunError ceremony.not-running, ceremony.unknown-participant.
   */
  async recordDeviation(description: string, recordedBy: string): Promise<void> {
    const run = this.run;
    if (run?.summary.state !== 'running' || !run.host.recordDeviation) {
      throw new CeremonyRunError('ceremony.not-running', 'No ceremony is running with its transcript open: a deviation is recorded during a ceremony. Write it on the printed transcript instead.');
    }
    if (!run.participants.includes(recordedBy)) {
      throw new CeremonyRunError('ceremony.unknown-participant', `${recordedBy} is not a participant of this ceremony: a deviation is recorded by one of ${run.participants.join(', ')}.`);
    }
    await run.host.recordDeviation({ description, recordedBy });
  }

  /** Puts away a finished or stopped run (the screen goes home). @throws CeremonyRunError ceremony.busy while it runs. */
  dismiss(): void {
    this.refuseWhileRunning();
    this.run = undefined;
    this.options.emit('ceremony.changed', { run: null });
  }

  /** Stops the run (the window closed, the app quits): open questions are withdrawn and the runner releases the HSM. */
  async shutdown(reason: string): Promise<void> {
    this.options.screen.close(reason);
    await this.run?.done;
  }

  /** The run's printer option: the app's, when it gave one. */
  private printer(): { printer?: DocumentPrinter } {
    return this.options.printer ? { printer: this.options.printer() } : {};
  }

  private refuseWhileRunning(): void {
    if (this.run?.summary.state === 'running') {
      throw new CeremonyRunError('ceremony.busy', `A ceremony is running (${this.run.summary.script.plan.title}). Finish or stop it first.`);
    }
  }

  private launch(
    mode: CeremonyRun['mode'],
    bundleDir: string,
    script: RunScript,
    room: RunRoom,
    lines: TranscriptTail[],
    practice: PracticeAccess | undefined,
    walk: (host: RunHost) => Promise<FinishedBundle>,
    reader = new TranscriptLines(join(bundleDir, TRANSCRIPT_FILE)),
  ): CeremonyRun {
    const { emit } = this.options;
    const summary: CeremonyRun = { id: randomUUID(), mode, bundleDir, script, room, startedAt: new Date().toISOString(), state: 'running', lines, progress: null, finished: null, error: null };
    let reading: Promise<void> = Promise.resolve();
    const readLines = (): Promise<void> =>
      (reading = reader.next().then((fresh) => {
        for (const line of fresh) {
          summary.lines.push(line);
          summary.progress = null;
          emit('transcript.event', line);
        }
      }).catch(() => {
        // A line that cannot be read back only misses the live tail; the transcript itself is the journal's.
      }));
    const onNotice = (notice: RunnerNotice): void => {
      if (notice.kind === 'step') emit('runner.step', { step: notice.step, state: notice.state });
      else if (notice.kind === 'progress') {
        summary.progress = { step: notice.step, message: notice.message, since: new Date().toISOString() };
        emit('runner.progress', { step: notice.step, message: notice.message });
      } else void readLines();
    };
    const host = new RunHost(this.options.screen, onNotice, () => reading, practice?.pin);
    const done = walk(host).then(
      async (finished) => {
        await readLines().catch(() => undefined);
        summary.state = 'finished';
        summary.finished = { bundleDir: finished.bundleDir, sumsSha256: finished.sumsSha256, files: finished.files, printNotice: finished.printNotice ?? null };
        await this.options.ledger.remove(bundleDir).catch(() => undefined);
        // A finished rehearsal's throwaway token goes; a stopped one stays, to be resumed.
        if (practice) this.options.practice.remove(practice.conf);
      },
      async (error: unknown) => {
        await readLines().catch(() => undefined);
        summary.state = 'stopped';
        summary.error = toErrorValue(error);
      },
    );
    this.run = {
      summary,
      host,
      participants: script.participants.map((p) => p.name),
      done: done.then(() => emit('ceremony.changed', { run: structuredClone(summary) })),
    };
    emit('ceremony.changed', { run: structuredClone(summary) });
    return structuredClone(summary);
  }
}

function runScript(loaded: LoadedScript): RunScript {
  return { file: loaded.file, sha256: loaded.sha256, plan: loaded.plan, participants: loaded.script.participants.map((p) => ({ name: p.name, role: p.role })) };
}

const practiceGone = 'The practice token of this rehearsal was thrown away when Conclave stopped (its PIN lived only in that run). Start a new rehearsal: nothing of a rehearsal needs keeping.';
