import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rehearse } from '../../../main/ceremony/rehearsal/rehearse.js';
import { ScriptError } from '../../../main/ceremony/script/script-error.js';

const run = promisify(execFile);
const CONCLAVE = join(import.meta.dirname, '../../../main/cli/conclave.js');
const EXAMPLES = join(import.meta.dirname, '../../../examples');

/** Stands for "no token store": a rehearsal's store points SOFTHSM2_CONF at its own conf the moment it exists. */
const UNTOUCHED = '/nonexistent/softhsm2.conf-no-store-made';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'conclave-bad-scripts-'));
  // The examples' folder, so a script keeps finding its CSRs where the example does.
  cpSync(EXAMPLES, join(work, 'examples'), { recursive: true });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  process.env.SOFTHSM2_CONF = UNTOUCHED;
});

/** An example with one text replaced, and the 1-based line where the replacement starts. */
function variant(kind: string, name: string, find: string, replace: string): { path: string; line: number } {
  const text = readFileSync(join(EXAMPLES, `${kind}.yaml`), 'utf8');
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`"${find}" is not in the ${kind} example`);
  const path = join(work, 'examples', `${name}.yaml`);
  writeFileSync(path, text.slice(0, at) + replace + text.slice(at + find.length));
  return { path, line: text.slice(0, at).split('\n').length };
}

async function scriptErrorOf(scriptPath: string): Promise<ScriptError> {
  const error = await rehearse({ scriptPath, bundleDir: join(work, 'never-written') }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScriptError);
  return error as ScriptError;
}

describe('a rehearsal of a script with an error reports it with its position before any token exists', () => {
  it('bad YAML', async () => {
    const { path, line } = variant('root-key-generation', 'bad-yaml', 'title: ACME', 'title: [ACME');
    const error = await scriptErrorOf(path);
    expect(error.problems[0]).toMatchObject({ source: 'yaml', message: expect.stringContaining('not valid YAML') });
    expect(error.problems[0]!.line).toBeGreaterThanOrEqual(line);
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('an unknown kind', async () => {
    const { path, line } = variant('root-key-generation', 'unknown-kind', 'kind: root-key-generation', 'kind: root-key-generator');
    const error = await scriptErrorOf(path);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'kind', line, column: 7, message: expect.stringContaining('unknown kind "root-key-generator"') })]);
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('a threshold above the number of custodians', async () => {
    const { path, line } = variant('root-key-generation', 'threshold', 'threshold: 3', 'threshold: 6');
    const error = await scriptErrorOf(path);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'backup.threshold', line, column: 14, message: expect.stringContaining('threshold 6 is more than the 5 custodians') })]);
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('a custodian who is not among the participants, in a kind that builds on a practice root', async () => {
    const { path, line } = variant('key-recovery', 'stranger', '    - Grace Gupta\n  # Token labels', '    - Mallory Mills\n  # Token labels');
    const error = await scriptErrorOf(path);
    expect(error.problems.map((p) => p.path)).toContain('recovery.custodians[2]');
    expect(error.problems.find((p) => p.path === 'recovery.custodians[2]')).toMatchObject({ line, column: 7, message: expect.stringContaining('Mallory Mills') });
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('an unknown certificate profile', async () => {
    const { path, line } = variant('subordinate-signing', 'profile', 'profile: tls-subordinate-ca', 'profile: tls-subordinate');
    const error = await scriptErrorOf(path);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'certificates[0].profile', line, column: 14, message: expect.stringContaining('tls-subordinate') })]);
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });

  it('a CSR file that does not exist', async () => {
    const { path, line } = variant('subordinate-signing', 'no-csr', 'csr: csr/tls-issuing-ca.csr.pem', 'csr: csr/missing.csr.pem');
    const error = await scriptErrorOf(path);
    expect(error.problems).toEqual([expect.objectContaining({ path: 'certificates[0].csr', line, column: 10, source: 'file', message: expect.stringContaining('csr/missing.csr.pem does not exist') })]);
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });
});

describe('a later kind whose practice root does not make what it uses', () => {
  it('is refused, naming what is missing, before any token exists', async () => {
    const { path } = variant('subordinate-signing', 'other-issuer', 'issuer:\n  key: acme-example-root-2026', 'issuer:\n  key: acme-other-root-2030');
    await expect(rehearse({ scriptPath: path, bundleDir: join(work, 'never-written') })).rejects.toMatchObject({ code: 'PREFLIGHT_FAILED', message: expect.stringContaining('key "acme-other-root-2030"') });
    expect(process.env.SOFTHSM2_CONF).toBe(UNTOUCHED);
  });
});

describe('conclave rehearse with a script that has an error', () => {
  it('exits 2 and prints each problem as file:line:column', async () => {
    const { path, line } = variant('root-key-generation', 'cli-threshold', 'threshold: 3', 'threshold: 6');
    const failure = await run(process.execPath, [CONCLAVE, 'rehearse', '--script', path, '--out', join(work, 'cli-never-written')]).then(
      () => undefined,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain(`${path}:${line}:14: backup.threshold: threshold 6 is more than the 5 custodians`);
  });
});
