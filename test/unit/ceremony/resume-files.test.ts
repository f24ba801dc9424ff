import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../../shared/script/plan.js';
import { discardUnvouchedFiles } from '../../../main/ceremony/runner/resume-files.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';

let bundle: string;
beforeEach(() => {
  bundle = mkdtempSync(join(tmpdir(), 'conclave-resume-files-'));
  mkdirSync(join(bundle, 'certs'));
});
afterEach(() => rmSync(bundle, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Writes a file into the bundle and returns the file.written event that records it (as it was). */
function written(seq: number, step: string, path: string, text: string): TranscriptEvent {
  writeFileSync(join(bundle, path), text);
  return { seq, at: '2026-11-30T00:00:00.000Z', prev: '0'.repeat(64), type: 'file.written', step, actor: 'system', data: { path, sha256: sha256(text), bytes: text.length } } as TranscriptEvent;
}

const signStep = { id: 'certificate.sub', action: { type: 'certificate.sign', certificate: 'sub' } } as unknown as PlannedStep;

describe('what a resume removes from the bundle', () => {
  it('removes a file no event names and the files of a step stopped before its outcome, and says why; keeps the rest', async () => {
    const events = [written(1, 'open', 'ceremony.yaml', 'script'), written(2, 'certificate.sub', 'certs/sub.der', 'DER')];
    writeFileSync(join(bundle, 'certs/sub.pem'), 'PEM, half written');
    const discarded = await discardUnvouchedFiles(bundle, events, signStep, false, false);
    expect(discarded.map((f) => [f.path, f.why])).toEqual([
      ['certs/sub.der', 'the step certificate.sub that wrote it did not finish; it is done again'],
      ['certs/sub.pem', 'no file.written event names it: it was being written when the ceremony stopped'],
    ]);
    expect(existsSync(join(bundle, 'certs/sub.der'))).toBe(false);
    expect(existsSync(join(bundle, 'ceremony.yaml'))).toBe(true);
  });

  it('removes nothing at all when a recorded file has changed: the resume stops, and no removal goes unrecorded', async () => {
    mkdirSync(join(bundle, 'keys'));
    const events = [written(1, 'generate-key.root', 'keys/root.spki.pem', 'SPKI')];
    writeFileSync(join(bundle, 'keys/root.spki.pem'), 'SPKI, changed');
    // Judged first (files are judged in path order): certs/ comes before keys/.
    writeFileSync(join(bundle, 'certs/sub.pem'), 'PEM, half written');
    await expect(discardUnvouchedFiles(bundle, events, signStep, false, false)).rejects.toMatchObject({ code: 'RESUME_MISMATCH', message: expect.stringContaining('keys/root.spki.pem differs') });
    expect(existsSync(join(bundle, 'certs/sub.pem'))).toBe(true);
  });
});
