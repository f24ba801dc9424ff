import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { JsonValue } from '../../shared/ipc/json.js';
import type { TranscriptTail } from '../../shared/ipc/runner-events.js';

/**
 * Reads a transcript's complete lines as they are appended, for the screen's
 * live tail: each line with its SHA-256 (the next line's `prev`) and its
 * facts. The runner fsyncs a line before it announces it, so reading the file
 * sees it. A half-written last line (a crash) is left for the next read: the
 * resume cuts it, and what follows starts where the last complete line ended.
 */
export class TranscriptLines {
  private offset = 0;
  private pending: Promise<TranscriptTail[]> = Promise.resolve([]);

  constructor(private readonly path: string) {}

  /** Lines completed since the last call, in order; calls are queued, so no line is read twice. */
  next(): Promise<TranscriptTail[]> {
    this.pending = this.pending.then(
      () => this.read(),
      () => this.read(),
    );
    return this.pending;
  }

  private async read(): Promise<TranscriptTail[]> {
    const file = await open(this.path, 'r').catch(() => undefined);
    if (!file) return [];
    try {
      const { size } = await file.stat();
      if (size <= this.offset) return [];
      const bytes = Buffer.alloc(size - this.offset);
      await file.read(bytes, 0, bytes.length, this.offset);
      const end = bytes.lastIndexOf(0x0a);
      if (end < 0) return [];
      this.offset += end + 1;
      return splitLines(bytes.subarray(0, end));
    } finally {
      await file.close();
    }
  }
}

function splitLines(bytes: Buffer): TranscriptTail[] {
  const lines: TranscriptTail[] = [];
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const line = bytes.subarray(start, newline < 0 ? bytes.length : newline);
    const parsed = JSON.parse(line.toString('utf8')) as { seq: number; at: string; type: string; step: string; actor: string; data: { [key: string]: JsonValue } };
    lines.push({
      seq: parsed.seq,
      type: parsed.type,
      step: parsed.step,
      sha256: createHash('sha256').update(line).digest('hex'),
      facts: { at: parsed.at, actor: parsed.actor, data: parsed.data },
    });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}
