import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranscriptLines } from '../../../main/service/transcript-lines.js';

const line = (seq: number, type: string) => JSON.stringify({ seq, at: '2026-11-29T18:00:00.000Z', prev: '0'.repeat(64), type, step: 'open', actor: 'system', data: { n: seq } });

describe('the transcript lines read back for the live tail', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conclave-lines-'));
    path = join(dir, 'transcript.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each complete line with the SHA-256 of its exact bytes and its facts', async () => {
    writeFileSync(path, `${line(0, 'ceremony.opened')}\n`);
    const [first] = await new TranscriptLines(path).next();
    expect(first).toEqual({
      seq: 0,
      type: 'ceremony.opened',
      step: 'open',
      sha256: createHash('sha256').update(line(0, 'ceremony.opened')).digest('hex'),
      facts: { at: '2026-11-29T18:00:00.000Z', actor: 'system', data: { n: 0 } },
    });
  });

  it('gives only the lines appended since the last read', async () => {
    writeFileSync(path, `${line(0, 'a')}\n${line(1, 'b')}\n`);
    const lines = new TranscriptLines(path);
    expect((await lines.next()).map((l) => l.seq)).toEqual([0, 1]);
    appendFileSync(path, `${line(2, 'c')}\n`);
    expect((await lines.next()).map((l) => l.seq)).toEqual([2]);
    expect(await lines.next()).toEqual([]);
  });

  it('leaves a half-written last line for a later read', async () => {
    writeFileSync(path, `${line(0, 'a')}\n${line(1, 'b').slice(0, 20)}`);
    const lines = new TranscriptLines(path);
    expect((await lines.next()).map((l) => l.seq)).toEqual([0]);
    writeFileSync(path, `${line(0, 'a')}\n${line(1, 'b')}\n`);
    expect((await lines.next()).map((l) => l.seq)).toEqual([1]);
  });

  it('gives nothing while the transcript does not exist yet', async () => {
    expect(await new TranscriptLines(path).next()).toEqual([]);
  });
});
