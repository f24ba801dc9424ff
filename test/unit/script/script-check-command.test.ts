import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/main.js';
import { makeSourceBundleFixture } from './source-bundle-fixture.js';

// `conclave script check FILE` as a person runs it before the day.

const examples = join(import.meta.dirname, '../../../examples');
const vectors = join(import.meta.dirname, '../../vectors/script');
const source = makeSourceBundleFixture();
afterAll(() => rmSync(source, { recursive: true, force: true }));

async function conclave(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('conclave script check', () => {
  it('prints the SHA-256 of the file and every step of the plan in order', async () => {
    const file = join(examples, 'root-key-generation.yaml');
    const { code, stdout, stderr } = await conclave('script', 'check', file);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`SHA-256  ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    expect(stdout).toContain('Plan: 22 steps');
    const order = ['1. open —', '5. generate-key.root —', '11. handoff.1 — Hand share 1 of 5 to Carol Chen', '16. certificate.root —', '22. close —'];
    const at = order.map((line) => stdout.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(stdout).toContain('IRREVERSIBLE — type SIGN to go ahead.');
    expect(stdout).toContain('creates file certs/root.pem');
  });

  it('takes the source bundle with --source and says so', async () => {
    const { code, stdout } = await conclave('script', 'check', join(examples, 'crl-signing.yaml'), '--source', source);
    expect(code).toBe(0);
    expect(stdout).toContain(`Source   ${source} (given with --source)`);
  });

  it('prints every problem as file:line:column and exits 2', async () => {
    const file = join(vectors, 'several-problems.yaml');
    const { code, stdout, stderr } = await conclave('script', 'check', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.slice(0, 5).map((l) => l.split(': ')[0])).toEqual([`${file}:2:1`, `${file}:5:1`, `${file}:28:14`, `${file}:33:3`, `${file}:52:14`]);
    expect(lines[5]).toBe(`The script ${file} has 5 problems; nothing was run.`);
  });

  it('gives the plan as JSON with --json', async () => {
    const { code, stdout } = await conclave('script', 'check', join(vectors, 'valid-root.yaml'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; sha256: string; plan: { steps: { id: string }[] } };
    expect(report.ok).toBe(true);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.plan.steps[0]!.id).toBe('open');
  });

  it('gives the problems as JSON with --json, still exiting 2', async () => {
    const { code, stdout } = await conclave('script', 'check', join(vectors, 'unknown-kind.yaml'), '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, code: 'SCRIPT_INVALID', problems: [{ line: 3, column: 7, path: 'kind' }] });
  });

  it('exits 2 with a usage message when no file is named', async () => {
    const { code, stderr } = await conclave('script', 'check');
    expect(code).toBe(2);
    expect(stderr).toContain('Name the script to check');
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, stderr } = await conclave('script', 'check', join(vectors, 'no-such-script.yaml'));
    expect(code).toBe(2);
    expect(stderr).toContain('it does not exist');
  });
});
