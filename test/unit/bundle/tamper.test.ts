import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import type { BundleReport, CheckResult } from '../../../main/bundle/verify-report.js';
import { encodeEventLine, lineSha256 } from '../../../main/transcript/event-line.js';
import { softwareSigner } from '../../support/software-signer.js';
import { makeTestPki } from '../transcript/openssl-pki.js';
import { makeSampleBundle, type SampleBundle } from './sample-bundle.js';

let original: SampleBundle;
let foreign: SampleBundle;
let copies: string[] = [];
beforeAll(async () => {
  original = await makeSampleBundle();
  foreign = await makeSampleBundle({ ceremonyId: 'another-ceremony' });
});
afterAll(() => {
  original.cleanup();
  foreign.cleanup();
});
afterEach(() => {
  copies.forEach((c) => rmSync(c, { recursive: true, force: true }));
  copies = [];
});

/** A fresh copy of the sample bundle to damage. */
function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'conclave-tamper-')), 'bundle');
  copies.push(dir);
  cpSync(original.dir, dir, { recursive: true });
  return dir;
}

function check(report: BundleReport, name: string): CheckResult {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

function transcriptLines(dir: string): Buffer[] {
  const bytes = readFileSync(join(dir, 'transcript.jsonl'));
  const lines: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  return lines;
}

function writeLines(dir: string, lines: Buffer[]): void {
  writeFileSync(join(dir, 'transcript.jsonl'), Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
}

describe('conclave verify catches and names', () => {
  it('one byte flipped in any line of the transcript (every line tried)', async () => {
    const lines = transcriptLines(original.dir);
    for (let i = 0; i < lines.length; i++) {
      const dir = copy();
      const damaged = lines.map((l) => Buffer.from(l));
      const at = Math.floor(damaged[i]!.length / 2);
      damaged[i]![at] = damaged[i]![at]! ^ 0x01;
      writeLines(dir, damaged);
      const report = await verifyBundle(dir);
      expect(report.verdict, `line ${i + 1}`).toBe('failed');
      expect(check(report, 'SHA256SUMS').detail).toContain('transcript.jsonl has changed');
      const chain = check(report, 'transcript chain');
      if (i < lines.length - 1) {
        // The flipped line is named, or the next one whose prev no longer matches it ("line i+1 was altered").
        expect(chain.status, `line ${i + 1}`).toBe('fail');
        expect(chain.detail, `line ${i + 1}`).toMatch(new RegExp(`line ${i + 1} (?!\\d)|line ${i + 2} has prev[^:]*: line ${i + 1} was altered`));
      } else {
        expect(check(report, 'seal').detail).toContain('digest is not the one the seal signed');
      }
    }
  });

  it('a deleted line', async () => {
    const dir = copy();
    const lines = transcriptLines(dir);
    writeLines(dir, [...lines.slice(0, 5), ...lines.slice(6)]);
    const report = await verifyBundle(dir);
    expect(check(report, 'transcript chain')).toMatchObject({ status: 'fail', detail: expect.stringContaining('Transcript line 6 has seq 6, expected 5') });
  });

  it('two swapped lines', async () => {
    const dir = copy();
    const lines = transcriptLines(dir);
    [lines[3], lines[4]] = [lines[4]!, lines[3]!];
    writeLines(dir, lines);
    const report = await verifyBundle(dir);
    expect(check(report, 'transcript chain')).toMatchObject({ status: 'fail', detail: expect.stringContaining('Transcript line 4 has seq 4, expected 3') });
  });

  it('the transcript truncated mid-line', async () => {
    const dir = copy();
    const bytes = readFileSync(join(dir, 'transcript.jsonl'));
    writeFileSync(join(dir, 'transcript.jsonl'), bytes.subarray(0, bytes.length - 40));
    const report = await verifyBundle(dir);
    expect(check(report, 'transcript chain')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/line \d+ is half-written/) });
    expect(check(report, 'seal').status).toBe('fail');
  });

  it('the transcript truncated at a line end (its chain still holds: the seal catches it)', async () => {
    const dir = copy();
    writeLines(dir, transcriptLines(dir).slice(0, 10));
    const report = await verifyBundle(dir);
    expect(check(report, 'transcript chain').status).toBe('pass');
    expect(check(report, 'seal')).toMatchObject({ status: 'fail', detail: expect.stringContaining('changed or truncated after sealing') });
  });

  it('an event appended after the seal, even one chained correctly', async () => {
    const dir = copy();
    const lines = transcriptLines(dir);
    const forged = encodeEventLine({ seq: lines.length, at: new Date().toISOString(), prev: lineSha256(lines.at(-1)!), type: 'deviation.recorded', step: 'close', actor: 'system', data: { description: 'added later', recordedBy: 'nobody' } });
    appendFileSync(join(dir, 'transcript.jsonl'), Buffer.concat([forged, Buffer.from('\n')]));
    const report = await verifyBundle(dir);
    expect(check(report, 'transcript chain').status).toBe('pass');
    expect(check(report, 'seal')).toMatchObject({ status: 'fail', detail: expect.stringContaining(`1 line(s) from line ${lines.length + 1} on were added after the transcript was sealed`) });
  });

  it("the seal replaced by another ceremony's", async () => {
    const dir = copy();
    cpSync(join(foreign.dir, 'transcript.jsonl.p7s'), join(dir, 'transcript.jsonl.p7s'));
    const seal = check(await verifyBundle(dir), 'seal');
    expect(seal.status).toBe('fail');
    expect(seal.detail).toContain('digest is not the one the seal signed');
    expect(seal.detail).toContain("not from this ceremony's PKI");
  });

  it('a certificate swapped for one from another PKI', async () => {
    const dir = copy();
    cpSync(join(foreign.dir, 'certs/issuing-ca-1.pem'), join(dir, 'certs/issuing-ca-1.pem'));
    cpSync(join(foreign.dir, 'certs/issuing-ca-1.der'), join(dir, 'certs/issuing-ca-1.der'));
    const report = await verifyBundle(dir);
    expect(check(report, 'certificate certs/issuing-ca-1.pem')).toMatchObject({ status: 'fail', detail: expect.stringContaining('it was not signed by the key of its issuer C=DE, O=Conclave Test, CN=Test Root in the bundle') });
    expect(check(report, 'events vs files').detail).toContain('certs/issuing-ca-1.der differs from the cert.issued event');
  });

  it('the root swapped for another self-signed root', async () => {
    const dir = copy();
    const other = makeTestPki(softwareSigner({ kind: 'ec', curve: 'P-256' }).spki);
    try {
      writeFileSync(join(dir, 'certs/root.pem'), other.rootPem);
      writeFileSync(join(dir, 'certs/root.der'), other.rootDer);
    } finally {
      other.cleanup();
    }
    const report = await verifyBundle(dir);
    expect(check(report, 'seal').status).toBe('fail');
    expect(check(report, 'certificate certs/audit.pem').status).toBe('fail');
    expect(check(report, 'events vs files').detail).toContain('certs/root.der differs');
  });

  it('a file changed after SHA256SUMS was written', async () => {
    const dir = copy();
    appendFileSync(join(dir, 'keys/root.spki.pem'), '\n');
    const report = await verifyBundle(dir);
    expect(check(report, 'SHA256SUMS')).toMatchObject({ status: 'fail', detail: expect.stringContaining('keys/root.spki.pem has changed') });
    expect(check(report, 'events vs files').detail).toContain('keys/root.spki.pem differs from the file.written event');
  });

  it('a file changed and SHA256SUMS rewritten to match: the sealed transcript still names it', async () => {
    const dir = copy();
    const path = join(dir, 'backup/backup.json');
    const backup = JSON.parse(readFileSync(path, 'utf8'));
    backup.kek.shareFingerprints[0].fingerprint = '9999999999999999';
    writeFileSync(path, `${JSON.stringify(backup, null, 2)}\n`);
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').replace(/^[0-9a-f]{64}(?= {2}backup\/backup\.json$)/m, createHash('sha256').update(readFileSync(path)).digest('hex'));
    writeFileSync(join(dir, 'SHA256SUMS'), sums);
    const report = await verifyBundle(dir);
    expect(check(report, 'SHA256SUMS').status).toBe('pass');
    expect(check(report, 'events vs files').detail).toContain('backup/backup.json differs from the file.written event');
    expect(check(report, 'backup vs transcript').detail).toContain("member 1's share 1111111111111111 was issued but backup.json lists 9999999999999999 for that member");
  });

  it('a file added after SHA256SUMS was written', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'certs/extra.pem'), readFileSync(join(dir, 'certs/audit.pem')));
    expect(check(await verifyBundle(dir), 'SHA256SUMS').detail).toContain('certs/extra.pem is not listed');
  });

  it('a file removed', async () => {
    const dir = copy();
    rmSync(join(dir, 'crls/root.pem'));
    const report = await verifyBundle(dir);
    expect(check(report, 'SHA256SUMS').detail).toContain('crls/root.pem is listed but missing');
    expect(check(report, 'CRL crls/root.crl').detail).toContain('crls/root.pem is missing');
  });
});
