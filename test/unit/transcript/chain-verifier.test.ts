import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, verifyChain, verifyChainFile, type ChainResult } from '../../../main/transcript/chain-verifier.js';
import { encodeEventLine, lineSha256 } from '../../../main/transcript/event-line.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';

const scriptSha256 = createHash('sha256').update('script').digest('hex');

/** A transcript of n events built line by line as FORMATS.md describes it. */
function transcript(n: number): { bytes: Buffer; lines: Buffer[] } {
  const lines: Buffer[] = [];
  let prev = scriptSha256;
  for (let seq = 0; seq < n; seq++) {
    const event: TranscriptEvent = {
      seq,
      at: new Date(Date.UTC(2026, 10, 29, 18, 0, 0, seq)).toISOString(),
      prev,
      type: seq === 0 ? 'ceremony.opened' : 'step.completed',
      step: `step-${seq}`,
      actor: seq % 2 ? 'Zoë Witness' : 'system',
      data: { note: `event ${seq} — ünïcödé` },
    };
    const line = encodeEventLine(event);
    lines.push(line);
    prev = lineSha256(line);
  }
  return { bytes: Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])), lines };
}

function rejoin(lines: (Buffer | string)[]): Buffer {
  return Buffer.concat(lines.flatMap((l) => [Buffer.from(l), Buffer.from('\n')]));
}

function problemOf(result: ChainResult): { code: string; line: number } | undefined {
  return result.problem && { code: result.problem.code, line: result.problem.line };
}

describe('verifyChain on a good transcript', () => {
  it('accepts it and reports its lines, bytes and the last line hash', () => {
    const { bytes, lines } = transcript(5);
    const result = verifyChain(bytes, scriptSha256);
    expect(result).toEqual({ ok: true, lines: 5, validBytes: bytes.length, lastLineSha256: lineSha256(lines[4]!) });
  });

  it('gives each event, parsed, in order', () => {
    const seen: number[] = [];
    verifyChain(transcript(4).bytes, scriptSha256, { onEvent: (e) => seen.push(e.seq) });
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('gives the same answer whatever the chunking, even one byte at a time', () => {
    const { bytes } = transcript(6);
    const whole = verifyChain(bytes, scriptSha256);
    for (const size of [1, 2, 7, 64, 333]) {
      const verifier = new ChainVerifier(scriptSha256);
      for (let i = 0; i < bytes.length; i += size) verifier.push(bytes.subarray(i, i + size));
      expect(verifier.finish()).toEqual(whole);
    }
  });

  it('reads a file in chunks with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-chain-'));
    try {
      const { bytes } = transcript(50);
      writeFileSync(join(dir, 't.jsonl'), bytes);
      expect(await verifyChainFile(join(dir, 't.jsonl'), scriptSha256)).toEqual(verifyChain(bytes, scriptSha256));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('verifyChain names the first bad line', () => {
  const { bytes, lines } = transcript(5);

  it('an empty file', () => {
    expect(problemOf(verifyChain(Buffer.alloc(0), scriptSha256))).toEqual({ code: 'empty', line: 1 });
  });

  it('a half-written last line, with the good bytes before it', () => {
    const result = verifyChain(bytes.subarray(0, bytes.length - 10), scriptSha256);
    expect(problemOf(result)).toEqual({ code: 'partial-line', line: 5 });
    expect(result.validBytes).toBe(bytes.length - lines[4]!.length - 1);
  });

  it('a line that is not UTF-8', () => {
    const bad = Buffer.from(lines[2]!);
    bad[bad.indexOf('ü')] = 0xff;
    expect(problemOf(verifyChain(rejoin([lines[0]!, lines[1]!, bad]), scriptSha256))).toEqual({ code: 'not-utf8', line: 3 });
  });

  it('a line whose JSON is broken after a good framing', () => {
    const bad = lines[1]!.toString().replace('"data":{', '"data":{,');
    expect(problemOf(verifyChain(rejoin([lines[0]!, bad]), scriptSha256))).toEqual({ code: 'not-json', line: 2 });
  });

  it('a line with its keys in another order', () => {
    const event = JSON.parse(lines[1]!.toString());
    const reordered = JSON.stringify({ seq: event.seq, at: event.at, prev: event.prev, type: event.type, actor: event.actor, step: event.step, data: event.data });
    expect(problemOf(verifyChain(rejoin([lines[0]!, reordered]), scriptSha256))).toEqual({ code: 'bad-form', line: 2 });
  });

  it('a line with spaces in it', () => {
    const spaced = JSON.stringify(JSON.parse(lines[1]!.toString()), null, 1).replace(/\n/g, '');
    expect(problemOf(verifyChain(rejoin([lines[0]!, spaced]), scriptSha256))).toEqual({ code: 'bad-form', line: 2 });
  });

  it('a blank line', () => {
    expect(problemOf(verifyChain(rejoin([lines[0]!, '', lines[1]!]), scriptSha256))).toEqual({ code: 'bad-form', line: 2 });
  });

  it('a key given twice', () => {
    const twice = lines[1]!.toString().replace(/}$/, ',"seq":7}');
    expect(problemOf(verifyChain(rejoin([lines[0]!, twice]), scriptSha256))?.code).toMatch(/bad-form/);
  });

  it('a deleted line, as a gap in seq', () => {
    expect(problemOf(verifyChain(rejoin([lines[0]!, lines[1]!, lines[3]!, lines[4]!]), scriptSha256))).toEqual({ code: 'seq-gap', line: 3 });
  });

  it('two swapped lines', () => {
    expect(problemOf(verifyChain(rejoin([lines[0]!, lines[2]!, lines[1]!, lines[3]!]), scriptSha256))).toEqual({ code: 'seq-gap', line: 2 });
  });

  it('a first line that is not ceremony.opened', () => {
    const first = lines[0]!.toString().replace('ceremony.opened', 'ceremony.started');
    expect(problemOf(verifyChain(rejoin([first]), scriptSha256))).toEqual({ code: 'not-opened', line: 1 });
    expect(problemOf(verifyChain(rejoin([first]), scriptSha256, { checkForm: false }))).toEqual({ code: 'not-opened', line: 1 });
  });

  it('a transcript made from another script', () => {
    expect(problemOf(verifyChain(bytes, 'ab'.repeat(32)))).toEqual({ code: 'script-mismatch', line: 1 });
  });

  it('a changed line, at the next line whose prev no longer matches', () => {
    const changed = lines[2]!.toString().replace('event 2', 'event X');
    const result = verifyChain(rejoin([lines[0]!, lines[1]!, changed, lines[3]!, lines[4]!]), scriptSha256);
    expect(problemOf(result)).toEqual({ code: 'prev-mismatch', line: 4 });
    expect(result.problem?.message).toContain('line 3 was altered');
    expect(result.lines).toBe(3);
  });

  it('every one of those in chain-only mode too, except the JSON of the data', () => {
    const changed = lines[2]!.toString().replace('event 2', 'event X');
    const chainOnly = { checkForm: false };
    expect(problemOf(verifyChain(rejoin([lines[0]!, lines[1]!, changed, lines[3]!]), scriptSha256, chainOnly))).toEqual({ code: 'prev-mismatch', line: 4 });
    expect(problemOf(verifyChain(rejoin([lines[0]!, lines[2]!]), scriptSha256, chainOnly))).toEqual({ code: 'seq-gap', line: 2 });
    const brokenJson = lines[1]!.toString().replace('"data":{', '"data":{,');
    expect(verifyChain(rejoin([lines[0]!, brokenJson]), scriptSha256, chainOnly).ok).toBe(true);
  });
});
