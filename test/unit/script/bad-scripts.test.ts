import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import { ScriptError } from '../../../main/ceremony/script/script-error.js';
import type { ScriptProblem } from '../../../shared/script/script-problem.js';

// The bad scripts of issue 6, each a one-place change of
// test/vectors/script/valid-root.yaml: each must be refused, before anything
// touches the HSM, with a message that says what is wrong at the right line
// and column.

const vectors = join(import.meta.dirname, '../../vectors/script');

async function problemsOf(name: string): Promise<ScriptProblem[]> {
  const error = await loadScript(join(vectors, name)).catch((e: unknown) => e);
  if (!(error instanceof ScriptError)) throw new Error(`${name} was accepted`);
  expect(error.code).toBe('SCRIPT_INVALID');
  return [...error.problems];
}

describe('a script with a problem', () => {
  it('the base script is valid', async () => {
    const loaded = await loadScript(join(vectors, 'valid-root.yaml'));
    expect(loaded.script.id).toBe('test-root');
  });

  it('unknown kind: names the kind found and the kinds there are', async () => {
    const [problem, ...rest] = await problemsOf('unknown-kind.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 3, column: 7, path: 'kind' });
    expect(problem!.message).toContain('unknown kind "root-key-genration"');
    expect(problem!.message).toContain('root-key-generation, subordinate-signing');
  });

  it('threshold above the number of custodians: points at the threshold', async () => {
    const [problem, ...rest] = await problemsOf('threshold-above-custodians.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 28, column: 14, path: 'backup.threshold' });
    expect(problem!.message).toContain('threshold 4 is more than the 3 custodians');
  });

  it('custodian not among the participants: points at that custodian', async () => {
    const [problem, ...rest] = await problemsOf('custodian-not-participant.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 30, column: 7, path: 'backup.custodians[2]' });
    expect(problem!.message).toContain('"Eve" is not among the participants');
  });

  it('unknown profile: names it and the profiles there are', async () => {
    const [problem, ...rest] = await problemsOf('unknown-profile.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 51, column: 14, path: 'certificates[2].profile' });
    expect(problem!.message).toBe('unknown profile "web-ca": expected one of root-ca, tls-subordinate-ca, subordinate-ca, audit');
  });

  it('a CSR file that does not exist: points at the csr field and says where it looked', async () => {
    const [problem, ...rest] = await problemsOf('missing-csr.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 52, column: 10, path: 'certificates[2].csr', source: 'file' });
    expect(problem!.message).toContain('csr/does-not-exist.csr.pem does not exist');
    expect(problem!.message).toContain(join(vectors, 'csr/does-not-exist.csr.pem'));
  });

  it('bad YAML: one problem at the line of the mistake', async () => {
    const [problem, ...rest] = await problemsOf('bad-yaml.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 31, column: 1, source: 'yaml' });
    expect(problem!.message).toMatch(/^not valid YAML: /);
  });

  it('several problems: all reported at once, in file order', async () => {
    const problems = await problemsOf('several-problems.yaml');
    expect(problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [2, 1, 'title'],
      [5, 1, 'titel'],
      [28, 14, 'backup.threshold'],
      [33, 3, 'backup.usbCopys'],
      [52, 14, 'certificates[2].profile'],
    ]);
    expect(problems[1]!.message).toContain('did you mean "title"?');
    expect(problems[3]!.message).toContain('did you mean "usbCopies"?');
  });

  it('is described as file:line:column: path: message, one line each', async () => {
    const file = join(vectors, 'threshold-above-custodians.yaml');
    const error = (await loadScript(file).catch((e: unknown) => e)) as ScriptError;
    expect(error.describe()).toEqual([`${file}:28:14: backup.threshold: ${error.problems[0]!.message}`]);
    expect(error.exitCode).toBe(2);
  });

  it('a file that is not there is unreadable, not invalid', async () => {
    const error = (await loadScript(join(vectors, 'no-such-script.yaml')).catch((e: unknown) => e)) as ScriptError;
    expect(error.code).toBe('SCRIPT_UNREADABLE');
    expect(error.message).toContain('does not exist');
  });
});
