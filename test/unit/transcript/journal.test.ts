import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyChainFile } from '../../../main/transcript/chain-verifier.js';
import { Journal } from '../../../main/transcript/journal.js';
import { TranscriptError } from '../../../main/transcript/transcript-error.js';
import { canMount, tryMountTmpfs } from '../bundle/scratch-mount.js';

const script = Buffer.from('version: 1\nkind: root-key-generation\nid: test-ceremony\n');
const scriptSha256 = createHash('sha256').update(script).digest('hex');
const opened = { ceremonyId: 'test-ceremony', kind: 'root-key-generation', rehearsal: true };
const fixedClock = () => new Date('2026-11-29T18:00:00.000Z');

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conclave-journal-'));
  path = join(dir, 'transcript.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function caught(promise: Promise<unknown>): Promise<TranscriptError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TranscriptError);
  return error as TranscriptError;
}

describe('Journal.create', () => {
  it('writes line 0 as ceremony.opened in the exact form, prev = SHA-256 of the script', async () => {
    const journal = await Journal.create(path, script, opened, { now: fixedClock });
    await journal.close();
    expect(readFileSync(path, 'utf8')).toBe(
      `{"seq":0,"at":"2026-11-29T18:00:00.000Z","prev":"${scriptSha256}","type":"ceremony.opened","step":"open","actor":"system",` +
        `"data":{"ceremonyId":"test-ceremony","kind":"root-key-generation","rehearsal":true,"format":"conclave-transcript/1","scriptSha256":"${scriptSha256}"}}\n`,
    );
  });

  it('chains every line to the SHA-256 of the line before, as sha256sum computes it', async () => {
    const journal = await Journal.create(path, script, opened);
    await journal.append('participant.present', 'roll-call', 'Wendy Witness', { name: 'Alice Admin', role: 'administrator' });
    await journal.append('key.generated', 'generate-root', 'system', { label: 'root', id: 'ab01', type: 'EC P-384', spkiSha256: 'ff'.repeat(32) });
    await journal.close();
    const lines = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    expect(lines).toHaveLength(3);
    for (let i = 1; i < lines.length; i++) {
      const shellHash = execFileSync('sh', ['-c', `sed -n '${i}p' "$1" | tr -d '\\n' | sha256sum`, 'sh', path]).toString().slice(0, 64);
      expect(JSON.parse(lines[i]!).prev).toBe(shellHash);
    }
  });

  it('refuses to overwrite an existing transcript and leaves it untouched', async () => {
    writeFileSync(path, 'earlier ceremony\n');
    const error = await caught(Journal.create(path, script, opened));
    expect(error.code).toBe('TRANSCRIPT_EXISTS');
    expect(error.message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('earlier ceremony\n');
  });

  it('refuses to start with secret-looking facts and creates nothing', async () => {
    const error = await caught(Journal.create(path, script, { ...opened, pin: '1234' }));
    expect(error.code).toBe('TRANSCRIPT_SECRET_REFUSED');
    expect(() => readFileSync(path)).toThrow();
  });
});

describe('Journal.append', () => {
  it('returns the event it wrote, with the next seq and the previous line hash', async () => {
    const journal = await Journal.create(path, script, opened);
    const before = journal.lastLineSha256;
    const event = await journal.append('step.started', 'generate-root', 'system', { title: 'Generate the root key' });
    await journal.close();
    expect(event).toMatchObject({ seq: 1, prev: before, type: 'step.started', step: 'generate-root', actor: 'system' });
    expect(journal.nextSeq).toBe(2);
  });

  it('writes concurrent appends in the order they were called', async () => {
    const journal = await Journal.create(path, script, opened);
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.append('witness.acknowledged', `step-${i}`, 'Wendy Witness', { witness: 'Wendy Witness', what: `step ${i}` })));
    await journal.close();
    const steps = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l).step);
    expect(steps).toEqual(Array.from({ length: 20 }, (_, i) => `step-${i}`));
    expect((await verifyChainFile(path, scriptSha256)).ok).toBe(true);
  });

  it('refuses an event holding a secret, names the field but not its value, and writes nothing', async () => {
    const journal = await Journal.create(path, script, opened);
    const size = readFileSync(path).length;
    const error = await caught(journal.append('share.issued', 'hand-off', 'system', { custodian: 'Carol', index: 1, fingerprint: '0011223344556677', shareSetId: 's1', words: 'abandon ability able' }));
    expect(error.code).toBe('TRANSCRIPT_SECRET_REFUSED');
    expect(error.message).toContain('data.words');
    expect(error.message).not.toContain('abandon');
    expect(readFileSync(path).length).toBe(size);
    await journal.append('share.issued', 'hand-off', 'system', { custodian: 'Carol', index: 1, fingerprint: '0011223344556677', shareSetId: 's1' });
    await journal.close();
    expect((await verifyChainFile(path, scriptSha256)).lines).toBe(2);
  });

  it('refuses events after close', async () => {
    const journal = await Journal.create(path, script, opened);
    await journal.close();
    expect((await caught(journal.append('ceremony.closed', 'close', 'system', {}))).code).toBe('TRANSCRIPT_CLOSED');
  });

  it('writes nothing after ceremony.closed, even an event queued before close', async () => {
    const journal = await Journal.create(path, script, opened);
    const closing = journal.append('ceremony.closed', 'close', 'system', { steps: 0, rehearsal: true });
    const late = journal.append('deviation.recorded', 'close', 'Wendy', { description: 'late', recordedBy: 'Wendy' });
    await journal.close();
    await closing;
    expect((await caught(late)).code).toBe('TRANSCRIPT_CLOSED');
    expect(readFileSync(path, 'utf8').trim().split('\n').at(-1)).toContain('"type":"ceremony.closed"');
  });

  it('writes the events appended before close, even when close is called before they are written', async () => {
    const journal = await Journal.create(path, script, opened);
    const appended = [journal.append('step.started', 'a', 'system', { title: 'A' }), journal.append('step.completed', 'a', 'system', {}, { durable: false })];
    await journal.close();
    await Promise.all(appended);
    expect(readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l).type)).toEqual(['ceremony.opened', 'step.started', 'step.completed']);
  });
});

describe('Journal.open (resume)', () => {
  async function threeLines(): Promise<void> {
    const journal = await Journal.create(path, script, opened);
    await journal.append('step.started', 'a', 'system', { title: 'A' });
    await journal.append('step.completed', 'a', 'system', {});
    await journal.close();
  }

  it('continues the chain where it stopped and returns the events so far', async () => {
    await threeLines();
    const { journal, events, discardedPartialLine } = await Journal.open(path, script);
    expect(events.map((e) => e.type)).toEqual(['ceremony.opened', 'step.started', 'step.completed']);
    expect(discardedPartialLine).toBeUndefined();
    await journal.append('ceremony.resumed', 'a', 'system', { afterSeq: 2 });
    await journal.close();
    const result = await verifyChainFile(path, scriptSha256);
    expect(result).toMatchObject({ ok: true, lines: 4 });
  });

  it('reports a half-written last line distinctly, with where the good bytes end', async () => {
    await threeLines();
    const good = readFileSync(path).length;
    appendFileSync(path, '{"seq":3,"at":"2026-11-29T18:00:0');
    const error = await caught(Journal.open(path, script));
    expect(error.code).toBe('TRANSCRIPT_PARTIAL_LINE');
    expect(error.details).toMatchObject({ line: 4, validBytes: good, partialBytes: 33 });
    expect(readFileSync(path).length).toBe(good + 33);
  });

  it('cuts a half-written last line when asked, and says what it cut', async () => {
    await threeLines();
    const good = readFileSync(path).length;
    const partial = '{"seq":3,"at":"2026-11-29T18:00:0';
    appendFileSync(path, partial);
    const { journal, discardedPartialLine } = await Journal.open(path, script, { discardPartialLine: true });
    expect(discardedPartialLine).toEqual({ bytes: partial.length, sha256: createHash('sha256').update(partial).digest('hex') });
    expect(readFileSync(path).length).toBe(good);
    await journal.append('ceremony.resumed', 'a', 'system', { afterSeq: 2, discardedPartialLine: discardedPartialLine! });
    await journal.close();
    expect((await verifyChainFile(path, scriptSha256)).ok).toBe(true);
  });

  it('refuses a broken chain and names the first bad line', async () => {
    await threeLines();
    const text = readFileSync(path, 'utf8').replace('"title":"A"', '"title":"B"');
    writeFileSync(path, text);
    const error = await caught(Journal.open(path, script));
    expect(error.code).toBe('TRANSCRIPT_CHAIN_BROKEN');
    expect(error.details).toMatchObject({ line: 3, problem: 'prev-mismatch' });
    expect(error.message).toContain('line 2');
  });

  it('refuses a transcript made from another script', async () => {
    await threeLines();
    const error = await caught(Journal.open(path, Buffer.from('another script')));
    expect(error.code).toBe('TRANSCRIPT_CHAIN_BROKEN');
    expect(error.details).toMatchObject({ line: 1, problem: 'script-mismatch' });
  });

  it('refuses to extend a closed ceremony', async () => {
    const journal = await Journal.create(path, script, opened);
    await journal.append('ceremony.closed', 'close', 'system', {});
    await journal.close();
    expect((await caught(Journal.open(path, script))).code).toBe('TRANSCRIPT_CLOSED');
  });

  it('says there is nothing to resume when the transcript is absent', async () => {
    expect((await caught(Journal.open(path, script))).code).toBe('TRANSCRIPT_MISSING');
  });

  it('accepts a transcript cut at a line boundary: only the seal can tell it was cut', async () => {
    await threeLines();
    const text = readFileSync(path, 'utf8');
    truncateSync(path, text.indexOf('\n') + 1);
    const { events, journal } = await Journal.open(path, script);
    await journal.close();
    expect(events).toHaveLength(1);
  });
});

describe('Journal.appendAll and deferred fsync', () => {
  it('writes a group of events as chained lines in one write, as if appended one by one', async () => {
    const journal = await Journal.create(path, script, opened, { now: fixedClock });
    const events = await journal.appendAll([
      { type: 'file.written', step: 'sign-a', actor: 'system', data: { path: 'certs/a.der', sha256: 'ab'.repeat(32), bytes: 3 } },
      { type: 'file.written', step: 'sign-a', actor: 'system', data: { path: 'certs/a.pem', sha256: 'cd'.repeat(32), bytes: 4 } },
      { type: 'cert.issued', step: 'sign-a', actor: 'Alice', data: { name: 'a', serial: '01', subject: 'CN=a', issuer: 'CN=root', sha256: 'ef'.repeat(32) } },
    ]);
    await journal.close();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const lines = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['ceremony.opened', 'file.written', 'file.written', 'cert.issued']);
    for (let i = 1; i < lines.length; i++) expect(JSON.parse(lines[i]!).prev).toBe(createHash('sha256').update(lines[i - 1]!).digest('hex'));
    expect((await verifyChainFile(path, scriptSha256)).ok).toBe(true);
  });

  it('writes none of a group when one of its events holds a secret', async () => {
    const journal = await Journal.create(path, script, opened, { now: fixedClock });
    const refused = await caught(
      journal.appendAll([
        { type: 'step.started', step: 'x', actor: 'system', data: { title: 'X' } },
        { type: 'step.completed', step: 'x', actor: 'system', data: { pin: '1234' } },
      ]),
    );
    expect(refused.code).toBe('TRANSCRIPT_SECRET_REFUSED');
    expect(journal.nextSeq).toBe(1);
    await journal.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('leaves the fsync of a durable: false line to the next append, or to the close', async () => {
    const journal = await Journal.create(path, script, opened, { now: fixedClock });
    const probe = await open(join(dir, 'probe'), 'w');
    const FileHandlePrototype = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const sync = vi.spyOn(FileHandlePrototype, 'sync');
    try {
      await journal.append('step.completed', 'a', 'system', {}, { durable: false });
      expect(sync).not.toHaveBeenCalled();
      await journal.append('step.started', 'b', 'system', { title: 'B' });
      expect(sync).toHaveBeenCalledTimes(1);
      await journal.append('step.completed', 'b', 'system', {}, { durable: false });
      await journal.close();
      expect(sync).toHaveBeenCalledTimes(2);
    } finally {
      sync.mockRestore();
    }
  });

  it('keeps a line written with durable: false, in the chain, when the next append or the close follows', async () => {
    const journal = await Journal.create(path, script, opened, { now: fixedClock });
    await journal.append('step.completed', 'a', 'system', {}, { durable: false });
    await journal.append('step.started', 'b', 'system', { title: 'B' });
    await journal.append('step.completed', 'b', 'system', {}, { durable: false });
    await journal.close();
    const reopened = await Journal.open(path, script);
    await reopened.journal.close();
    expect(reopened.events.map((e) => `${e.type} ${e.step}`)).toEqual(['ceremony.opened open', 'step.completed a', 'step.started b', 'step.completed b']);
  });
});

describe.runIf(canMount())('Journal on a disk that fills up (a 16 KiB tmpfs this test mounts)', () => {
  it('stops at the first failed write, refuses more, and resumes after cutting the half-written line', async () => {
    const mount = tryMountTmpfs('16k')!;
    try {
      const full = join(mount.dir, 'transcript.jsonl');
      const journal = await Journal.create(full, script, opened);
      const note = 'x'.repeat(900);
      let failure: TranscriptError | undefined;
      for (let i = 0; i < 100 && !failure; i++) {
        failure = await journal.append('step.completed', `step-${i}`, 'system', { note }).then(() => undefined, (e: TranscriptError) => e);
      }
      expect(failure).toMatchObject({ code: 'TRANSCRIPT_WRITE_FAILED', details: { errno: 'ENOSPC' } });
      expect((await caught(journal.append('step.completed', 'after', 'system', {}))).code).toBe('TRANSCRIPT_WRITE_FAILED');
      await journal.close().catch(() => undefined);
      const reopened = await Journal.open(full, script, { discardPartialLine: true });
      await reopened.journal.close();
      expect((await verifyChainFile(full, scriptSha256)).ok).toBe(true);
      expect(reopened.events.length).toBeGreaterThan(1);
    } finally {
      mount.unmount();
    }
  });
});
