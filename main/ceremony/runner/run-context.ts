import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { CeremonyPlan, PlannedStep } from '../../../shared/script/plan.js';
import type { BundleWriter, WrittenFile } from '../../bundle/bundle-writer.js';
import type { Hsm } from '../../hsm/hsm.js';
import type { HsmSession } from '../../hsm/hsm-session.js';
import type { Journal, PendingEvent } from '../../transcript/journal.js';
import type { EventDataMap, EventType, TranscriptEvent } from '../../transcript/events.js';
import type { LoadedScript } from '../script/load-script.js';
import type { CeremonyHost } from './ceremony-host.js';
import type { DocumentPrinter } from './ceremony-printer.js';
import type { CeremonyState } from './ceremony-state.js';

/** Where events go: the journal (or, after the close, a sink that refuses them). */
export interface TranscriptSink {
  append: Journal['append'];
  appendAll: Journal['appendAll'];
  close(): Promise<void>;
  readonly lastLineSha256: string;
}

/** Room settings applied on the day, shown apart from the reviewed script. */
export interface RoomSettings {
  /** PKCS#11 module path (the script's, or the one given in the room). */
  modulePath: string;
  /** Token label (the script's, or the one given in the room). */
  tokenLabel: string;
  /** A practice run on a throwaway SoftHSM token: every output says REHEARSAL. */
  rehearsal: boolean;
}

/**
 * Everything a step needs: the script and its plan, the room, the HSM, the
 * journal and the bundle, the people (through the host), and what earlier
 * steps made. One per run (a resume builds a new one from the transcript).
 */
export class RunContext {
  session: HsmSession | undefined;
  /** The step being walked: files written now are recorded under it. */
  currentStep = 'open';

  constructor(
    readonly loaded: LoadedScript,
    readonly room: RoomSettings,
    readonly bundleDir: string,
    readonly host: CeremonyHost,
    readonly hsm: Hsm,
    readonly journal: TranscriptSink,
    readonly bundle: BundleWriter,
    readonly state: CeremonyState,
    /** Events already in the transcript when this run started (empty for a new ceremony). */
    readonly previousEvents: readonly TranscriptEvent[],
    readonly printer: DocumentPrinter,
    readonly now: () => Date = () => new Date(),
  ) {
    host.attachDeviationRecorder?.(async ({ description, recordedBy }) => {
      await this.record('deviation.recorded', this.currentStep, recordedBy, { description, recordedBy });
    });
  }

  get script(): CeremonyScript {
    return this.loaded.script;
  }

  get plan(): CeremonyPlan {
    return this.loaded.plan;
  }

  /** The administrator's name: the actor of every action the app performs for them. */
  get administrator(): string {
    return this.script.participants.find((p) => p.role === 'administrator')!.name;
  }

  /** The first witness named in the script: who acknowledges steps. */
  get witness(): string {
    return this.script.participants.find((p) => p.role === 'witness')!.name;
  }

  /** The open HSM session; steps after pre-flight may rely on it. */
  requireSession(): HsmSession {
    if (!this.session) throw new Error('No HSM session: the pre-flight HSM step has not run in this run.');
    return this.session;
  }

  /** Appends an event (fsynced before it returns, unless `durable: false`: see Journal.append) and tells the host. */
  async record<T extends EventType>(type: T, step: PlannedStep | string, actor: string, data: EventDataMap[T], options: { durable?: boolean } = {}): Promise<TranscriptEvent<T>> {
    const event = await this.journal.append(type, typeof step === 'string' ? step : step.id, actor, data, options);
    this.host.notify?.({ kind: 'event', seq: event.seq, type: event.type, step: event.step, hash: this.journal.lastLineSha256 });
    return event;
  }

  /** Appends several events with one write and one fsync (Journal.appendAll) and tells the host of each. */
  async recordAll(pending: readonly PendingEvent[]): Promise<TranscriptEvent[]> {
    const events = await this.journal.appendAll(pending);
    // Each event's own line hash: the next line's prev, and the journal's last for the last.
    events.forEach((event, i) => this.host.notify?.({ kind: 'event', seq: event.seq, type: event.type, step: event.step, hash: events[i + 1]?.prev ?? this.journal.lastLineSha256 }));
    return events;
  }

  /**
   * Writes files that belong together into the bundle and records their
   * file.written events followed by `then` (what the files are evidence of,
   * e.g. cert.issued) in one transcript write with one fsync.
   */
  async writeAndRecord(step: PlannedStep, files: readonly { path: string; bytes: Uint8Array }[], then: readonly PendingEvent[]): Promise<TranscriptEvent[]> {
    const written = await this.bundle.writeFiles(files, { record: false });
    return this.recordAll([...written.map((file) => fileWrittenEvent(step.id, file)), ...then]);
  }

  /** The witness confirms; the acknowledgement goes into the transcript. */
  async acknowledge(step: PlannedStep, title: string, detail: string): Promise<void> {
    await this.host.acknowledge({ step: step.id, title, detail, actor: this.witness });
    for (const deviation of this.host.takeDeviations?.() ?? []) await this.record('deviation.recorded', step, deviation.recordedBy, deviation);
    await this.record('witness.acknowledged', step, this.witness, { witness: this.witness, what: title });
  }

  /** Events of this ceremony so far (earlier runs), of one type and step. */
  earlier<T extends EventType>(type: T, stepId?: string): TranscriptEvent<T>[] {
    return this.previousEvents.filter((e): e is TranscriptEvent<T> => e.type === type && (stepId === undefined || e.step === stepId));
  }
}

/** The file.written event of a bundle file, under the step that wrote it. */
export function fileWrittenEvent(step: string, file: WrittenFile): PendingEvent {
  return { type: 'file.written', step, actor: 'system', data: { ...file } };
}
