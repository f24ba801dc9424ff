import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/main.js';
import { makeSampleBundle, type SampleBundle } from './sample-bundle.js';

async function conclave(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let bundle: SampleBundle;
let scratch: string;
beforeAll(async () => {
  bundle = await makeSampleBundle();
  scratch = mkdtempSync(join(tmpdir(), 'conclave-verify-cli-'));
});
afterAll(() => {
  bundle.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('conclave verify DIR', () => {
  it('prints one line per check and the verdict, and exits 0 when all pass', async () => {
    const { code, stdout } = await conclave('verify', bundle.dir);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(`Bundle ${bundle.dir}`);
    expect(lines.slice(1, -1).every((l) => /^ {2}ok {4}\S/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('VERIFIED: all 11 checks passed.');
  });

  it('gives the same as JSON with --json', async () => {
    const { code, stdout } = await conclave('verify', bundle.dir, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ format: 'conclave-verify/1', bundle: bundle.dir, verdict: 'verified' });
    expect(report.checks).toHaveLength(11);
  });

  it('exits 1 and names what failed when the bundle was tampered with', async () => {
    const dir = join(scratch, 'tampered');
    cpSync(bundle.dir, dir, { recursive: true });
    appendFileSync(join(dir, 'backup/backup.json'), ' ');
    const { code, stdout } = await conclave('verify', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('  FAIL  SHA256SUMS: backup/backup.json has changed');
    expect(stdout).toMatch(/^FAILED: 3 of 11 checks failed \(SHA256SUMS; backup vs transcript; events vs files\)\.$/m);
  });

  it('exits 1 for an unsealed transcript and says it is unsealed, not tampered with', async () => {
    const open = await makeSampleBundle({ sealed: false });
    try {
      const { code, stdout } = await conclave('verify', open.dir);
      expect(code).toBe(1);
      expect(stdout).toContain('  OPEN  seal: unsealed (ceremony open or interrupted)');
      expect(stdout).toContain('INCOMPLETE: the transcript is unsealed (ceremony open or interrupted)');
      expect(stdout).not.toContain('FAIL');
    } finally {
      open.cleanup();
    }
  });

  it('takes the trusted root from --root', async () => {
    const rootPath = join(scratch, 'trusted-root.pem');
    writeFileSync(rootPath, bundle.pki.rootPem);
    const { code, stdout } = await conclave('verify', bundle.dir, '--root', rootPath);
    expect(code).toBe(0);
    expect(stdout).toContain('the root given with --root');
  });

  it('exits 2 for a folder that is not a bundle, a bad --root, or no folder', async () => {
    expect((await conclave('verify', scratch)).code).toBe(2);
    expect((await conclave('verify', bundle.dir, '--root', join(scratch, 'missing.pem'))).code).toBe(2);
    expect((await conclave('verify')).code).toBe(2);
  });

  it('works through the installed bin', () => {
    const result = spawnSync('node', ['main/cli/conclave.js', 'verify', bundle.dir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('VERIFIED');
    expect(execFileSync('node', ['main/cli/conclave.js', '--help'], { encoding: 'utf8' })).toContain('conclave verify DIR [--json] [--root FILE]');
  });
});
