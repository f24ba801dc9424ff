import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conclaveVerifyBin, formatsCommands, refusals } from './standard-tools.js';

const run = promisify(execFile);
const CONCLAVE = join(import.meta.dirname, '../../../main/cli/conclave.js');
const SCRIPT = join(import.meta.dirname, '../../../examples/subordinate-signing.yaml');

let work: string;
let out: string;
let result: { code: number; stdout: string; stderr: string };
let practiceRoot: string | undefined;

/**
 * `conclave rehearse --script examples/subordinate-signing.yaml --out DIR`, the
 * bin in its own process as a team runs it, with the printed PDFs: the
 * example root is rehearsed first on the same throwaway token, then the
 * subordinate signing builds on that practice bundle.
 */
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'conclave-rehearse-cli-'));
  out = join(work, 'bundle');
  try {
    const { stdout, stderr } = await run(process.execPath, [CONCLAVE, 'rehearse', '--script', SCRIPT, '--out', out], { maxBuffer: 16 * 1024 * 1024 });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  practiceRoot = /Practice root bundle it builds on: (.+)$/m.exec(result.stdout)?.[1];
}, 240_000);

afterAll(() => {
  const practiceFolders = [practiceRoot, ...[...(result?.stdout ?? '').matchAll(/^USB copy \d+ \(practice\): (.+)$/gm)].map((m) => m[1])];
  for (const folder of [work, ...practiceFolders]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('conclave rehearse --script examples/subordinate-signing.yaml', () => {
  it('exits 0 and says the rehearsal passed', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('REHEARSAL PASSED');
  });

  it('first rehearses the example root ceremony, on the token the subordinate script names, into a practice bundle it reports', () => {
    expect(result.stderr).toMatch(/Practice root ceremony .*root-key-generation\.yaml on token "acme-root"/);
    expect(practiceRoot).toBeDefined();
    expect(JSON.parse(readFileSync(join(practiceRoot!, 'transcript.jsonl'), 'utf8').split('\n')[0]!).data).toMatchObject({ ceremonyId: 'acme-example-root-2026', rehearsal: true });
  });

  it('leaves a bundle the conclave bin verifies', async () => {
    const verify = await conclaveVerifyBin(out);
    expect(verify.accepted, verify.output).toBe(true);
  });

  it("leaves a bundle FORMATS.md's sha256sum and openssl commands accept", async () => {
    const judgements = await formatsCommands(out);
    expect(judgements.map((j) => j.command)).toEqual(expect.arrayContaining([expect.stringContaining('certs/tls-issuing-ca.pem'), expect.stringContaining('crls/root.crl')]));
    expect(refusals(judgements)).toEqual([]);
  });

  it('prints the transcript as a PDF marked as a rehearsal', () => {
    expect(existsSync(join(out, 'transcript.pdf'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'transcript.jsonl'), 'utf8').split('\n')[0]!).data).toMatchObject({ kind: 'subordinate-signing', rehearsal: true });
  });
});
