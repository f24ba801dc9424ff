import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory } from '../bundle/fsync-directory.js';
import { verifyChain } from './chain-verifier.js';
import { EVENT_TYPE_NAME, encodeEventLine, lineSha256 } from './event-line.js';
import { TRANSCRIPT_FORMAT, type CeremonyOpenedFacts, type EventDataMap, type EventType, type TranscriptEvent } from './events.js';
import { assertNoSecrets } from './secret-guard.js';
import { TranscriptError } from './transcript-error.js';

export interface JournalOptions {
  /** The clock for `at` (tests pin it). */
  now?: () => Date;
}

export interface OpenJournalOptions extends JournalOptions {
  /**
   * Cut a half-written last line (a crash mid-write) instead of refusing. The
   * runner decides, and records what was cut in ceremony.resumed.
   */
  discardPartialLine?: boolean;
}

/** A journal picked up again, with what it already holds. */
export interface ResumedJournal {
  journal: Journal;
  /** Every event already in the transcript, in order. */
  events: TranscriptEvent[];
  /** The half-written last line that was cut, if any: its length and SHA-256 (never its text). */
  discardedPartialLine?: { bytes: number; sha256: string };
}

/**
 * The ceremony's transcript as it is written (design/FORMATS.md, "Transcript"):
 * one line per event, appended and fsynced before append() returns, so the
 * step that caused an event goes on only once the event is on disk. Appends
 * are queued: they reach the file in the order they were called.
 */
export class Journal {
  private queue: Promise<unknown> = Promise.resolve();
  private failure: TranscriptError | undefined;
  private closed = false;
  /** A line was written with durable: false and not fsynced yet. */
  private unsynced = false;
  /** ceremony.closed is written: nothing may follow it, even an append queued before close(). */
  private ceremonyClosed = false;

  private constructor(
    private readonly file: FileHandle,
    /** Where the transcript is. */
    readonly path: string,
    private seq: number,
    private prev: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Starts a transcript: creates the file (refusing an existing one), fsyncs
   * its directory, and writes line 0, ceremony.opened, whose prev is the
   * SHA-256 of the script's exact bytes.
   * @throws TranscriptError TRANSCRIPT_EXISTS when the file is already there;
   *   TRANSCRIPT_SECRET_REFUSED when the facts look secret; the file system's error otherwise.
   */
  static async create(path: string, scriptBytes: Uint8Array, opened: CeremonyOpenedFacts, options: JournalOptions = {}): Promise<Journal> {
    const scriptSha256 = createHash('sha256').update(scriptBytes).digest('hex');
    const data: EventDataMap['ceremony.opened'] = { ...opened, format: TRANSCRIPT_FORMAT, scriptSha256 };
    assertNoSecrets(data);
    let file: FileHandle;
    try {
      file = await open(path, 'ax');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new TranscriptError('TRANSCRIPT_EXISTS', `A transcript already exists at ${path}. It is never overwritten: resume that ceremony, or choose another output folder.`, { path });
      }
      throw error;
    }
    await fsyncDirectory(dirname(path));
    const journal = new Journal(file, path, 0, scriptSha256, options.now ?? (() => new Date()));
    await journal.append('ceremony.opened', 'open', 'system', data);
    return journal;
  }

  /**
   * Continues an existing transcript after checking its whole chain against
   * the script. A half-written last line is refused with its own code unless
   * options.discardPartialLine, which cuts it (and fsyncs) first.
   * @throws TranscriptError TRANSCRIPT_MISSING, TRANSCRIPT_PARTIAL_LINE (details:
   *   line, validBytes, partialBytes), TRANSCRIPT_CHAIN_BROKEN (names the first bad
   *   line), TRANSCRIPT_CLOSED (the ceremony was closed: nothing may follow).
   */
  static async open(path: string, scriptBytes: Uint8Array, options: OpenJournalOptions = {}): Promise<ResumedJournal> {
    const scriptSha256 = createHash('sha256').update(scriptBytes).digest('hex');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new TranscriptError('TRANSCRIPT_MISSING', `No transcript at ${path}: there is no ceremony to resume in that folder.`, { path });
      }
      throw error;
    }
    const events: TranscriptEvent[] = [];
    const chain = verifyChain(bytes, scriptSha256, { onEvent: (event) => events.push(event) });
    let discardedPartialLine: ResumedJournal['discardedPartialLine'];
    if (chain.problem?.code === 'partial-line') {
      const partial = bytes.subarray(chain.validBytes);
      const details = { line: chain.problem.line, validBytes: chain.validBytes, partialBytes: partial.length };
      if (!options.discardPartialLine) {
        throw new TranscriptError('TRANSCRIPT_PARTIAL_LINE', `${chain.problem.message} The ceremony stopped while writing it; resume may cut it and record that it did.`, details);
      }
      discardedPartialLine = { bytes: partial.length, sha256: lineSha256(partial) };
    } else if (chain.problem) {
      throw new TranscriptError('TRANSCRIPT_CHAIN_BROKEN', `${chain.problem.message} The transcript cannot be trusted past that point; do not resume. Keep the folder as evidence.`, {
        line: chain.problem.line,
        problem: chain.problem.code,
      });
    }
    const last = events[events.length - 1];
    if (last?.type === 'ceremony.closed') {
      throw new TranscriptError('TRANSCRIPT_CLOSED', `The ceremony in ${path} was closed at line ${events.length}; a closed transcript is never extended.`, { line: events.length });
    }
    // Appending (O_APPEND) without creating: every write lands at the end.
    const file = await open(path, constants.O_WRONLY | constants.O_APPEND);
    if (discardedPartialLine) {
      await file.truncate(chain.validBytes);
      await file.sync();
    }
    const journal = new Journal(file, path, events.length, chain.lastLineSha256, options.now ?? (() => new Date()));
    return discardedPartialLine ? { journal, events, discardedPartialLine } : { journal, events };
  }

  /** The seq the next event gets. */
  get nextSeq(): number {
    return this.seq;
  }

  /** SHA-256 of the last line written: the next line's prev. */
  get lastLineSha256(): string {
    return this.prev;
  }

  /**
   * Appends one event and fsyncs it. The data is checked for secrets first; a
   * refused event writes nothing. After a write failure the journal refuses
   * further events (the file's end is unknown: reopen it to resume).
   * With `durable: false` the line is written but its fsync is left to the
   * next append (or the close): for an event whose loss in a crash changes
   * nothing on resume, when another event follows at once (step.completed,
   * then the next step.started: resume redoes a step whose completion is
   * missing, and every step's work is recorded by its own fsynced events).
   * @throws TranscriptError TRANSCRIPT_SECRET_REFUSED, TRANSCRIPT_BAD_EVENT,
   *   TRANSCRIPT_CLOSED; or the file system's error (ENOSPC, EIO).
   */
  append<T extends EventType>(type: T, step: string, actor: string, data: EventDataMap[T], options: { durable?: boolean } = {}): Promise<TranscriptEvent<T>> {
    const event = { type, step, actor, data } as PendingEvent;
    return this.enqueue([event], async () => (await this.write([event], options.durable ?? true))[0] as TranscriptEvent<T>);
  }

  /**
   * Appends several events with one write and one fsync (a group commit):
   * files written together are recorded together. Each is checked as append
   * checks one; if one is refused, none is written. A crash mid-write leaves
   * whole lines and at most one half line, which resume cuts.
   * @throws as append.
   */
  appendAll(events: readonly PendingEvent[]): Promise<TranscriptEvent[]> {
    return this.enqueue(events, () => this.write(events, true));
  }

  /** Closes the file once queued appends are done (fsyncing any line still waiting for it). Further appends are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    try {
      if (this.unsynced && !this.failure) await this.file.sync();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      throw new TranscriptError('TRANSCRIPT_WRITE_FAILED', `Flushing the last event (seq ${this.seq - 1}) of ${this.path} to disk failed (${code}). Fix the disk and resume: resume checks the transcript and cuts a half-written line.`, {
        line: this.seq,
        errno: code,
      });
    } finally {
      await this.file.close();
    }
  }

  /** Queues a write. Refused at once after close(); a write queued before it is still made. */
  private enqueue<R>(events: readonly PendingEvent[], work: () => Promise<R>): Promise<R> {
    if (this.closed) {
      return Promise.reject(new TranscriptError('TRANSCRIPT_CLOSED', `The journal ${this.path} is closed; the ${events[0]?.type ?? 'empty'} event was not written.`));
    }
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async write(pending: readonly PendingEvent[], durable: boolean): Promise<TranscriptEvent[]> {
    if (this.failure) throw this.failure;
    const first = pending[0];
    if (this.ceremonyClosed) throw new TranscriptError('TRANSCRIPT_CLOSED', `The ceremony in ${this.path} is closed; the ${first?.type ?? 'empty'} event was not written: nothing follows ceremony.closed.`);
    for (const { type, step, actor, data } of pending) {
      if (!EVENT_TYPE_NAME.test(type) || typeof step !== 'string' || step === '' || typeof actor !== 'string' || actor === '') {
        throw new TranscriptError('TRANSCRIPT_BAD_EVENT', `An event needs a dotted type, a step and an actor (got type "${type}", step "${step}", actor "${actor}"). Nothing was written.`);
      }
      assertNoSecrets(data);
    }
    const events: TranscriptEvent[] = [];
    const lines: Buffer[] = [];
    let [seq, prev] = [this.seq, this.prev];
    for (const { type, step, actor, data } of pending) {
      const event = { seq, at: this.now().toISOString(), prev, type, step, actor, data } as TranscriptEvent;
      const line = encodeEventLine(event);
      events.push(event);
      lines.push(line, NEWLINE);
      seq++;
      prev = lineSha256(line);
    }
    const bytes = Buffer.concat(lines);
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.file.write(bytes, written, bytes.length - written, null);
        written += bytesWritten;
      }
      if (durable) await this.file.sync();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      this.failure = new TranscriptError(
        'TRANSCRIPT_WRITE_FAILED',
        `Writing event ${this.seq} (${first?.type}) to ${this.path} failed (${code}). Stop, fix the disk, and resume: resume checks the transcript and cuts a half-written line.`,
        { line: this.seq + 1, errno: code },
      );
      throw this.failure;
    }
    this.unsynced = !durable;
    this.ceremonyClosed = pending.some((e) => e.type === 'ceremony.closed');
    this.seq = seq;
    this.prev = prev;
    return events;
  }
}

const NEWLINE = Buffer.from('\n');

/** An event to append: what the caller says; seq, at and prev are the journal's. */
export type PendingEvent = { [T in EventType]: { type: T; step: string; actor: string; data: EventDataMap[T] } }[EventType];
