import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScriptText, loadScript } from '../../../main/ceremony/script/load-script.js';
import { ScriptDocument } from '../../../main/ceremony/script/script-document.js';
import { ScriptError } from '../../../main/ceremony/script/script-error.js';

// Where a problem is reported: a person fixes a script by going to the line
// and column printed, so each kind of problem must point somewhere useful.

const dir = mkdtempSync(join(tmpdir(), 'conclave-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function documentOf(text: string): ScriptDocument {
  const parsed = ScriptDocument.parse(text);
  if (!('document' in parsed)) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.document;
}

const text = ['backup:', '  threshold: 2', '  custodians: [Cy, Di]', 'hsm:', 'list:', '  - name: a', '    role: b'].join('\n');

describe('a position in the script', () => {
  it('of a value is where the value starts', () => {
    expect(documentOf(text).positionOf(['backup', 'threshold'])).toEqual({ line: 2, column: 14 });
    expect(documentOf(text).positionOf(['backup', 'custodians', 1])).toEqual({ line: 3, column: 20 });
  });

  it('of a section is its key', () => {
    expect(documentOf(text).positionOf(['backup'])).toEqual({ line: 1, column: 1 });
  });

  it('of a missing field is the section it is missing from', () => {
    expect(documentOf(text).positionOf(['backup', 'usbCopies'])).toEqual({ line: 1, column: 1 });
    expect(documentOf(text).positionOf(['list', 0, 'label'])).toEqual({ line: 6, column: 5 });
  });

  it('of an empty value is its key', () => {
    expect(documentOf(text).positionOf(['hsm'])).toEqual({ line: 4, column: 1 });
    expect(documentOf(text).positionOf(['hsm', 'token'])).toEqual({ line: 4, column: 1 });
  });

  it('of an unknown field is its key', () => {
    expect(documentOf(text).positionOf(['list', 0, 'role'], 'key')).toEqual({ line: 7, column: 5 });
  });
});

describe('loading a script', () => {
  it('refuses a file that is not UTF-8, naming it', async () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const error = (await loadScript(file).catch((e: unknown) => e)) as ScriptError;
    expect(error).toBeInstanceOf(ScriptError);
    expect(error.code).toBe('SCRIPT_UNREADABLE');
    expect(error.message).toContain('not UTF-8');
  });

  it('refuses an empty file', async () => {
    const result = await checkScriptText('# nothing but a comment\n', dir);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ line: 1, column: 1, source: 'yaml' })] });
  });

  it('refuses a key given twice, at the second one', async () => {
    const result = await checkScriptText('version: 1\nversion: 1\n', dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, column: 1, source: 'yaml' });
  });

  it('refuses a document that is a list, not a section', async () => {
    const result = await checkScriptText('- version: 1\n', dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 1, column: 1, message: 'expected a section of "field: value" lines, found a list' });
  });

  it('bounds alias expansion, so a crafted file cannot exhaust memory', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const result = await checkScriptText(bomb, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^not valid YAML: .*alias/i);
  });

  it('points at an instruction for a step the plan does not have, and suggests the one meant', async () => {
    const base = await loadScript(join(import.meta.dirname, '../../vectors/script/valid-root.yaml'));
    const source = new TextDecoder().decode(base.bytes).replace('crls:', 'instructions:\n  rollcall: Check IDs.\ncrls:');
    const result = await checkScriptText(source, join(import.meta.dirname, '../../vectors/script'));
    const line = source.split('\n').indexOf('  rollcall: Check IDs.') + 1;
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ line, column: 3, path: 'instructions.rollcall', source: 'step' })] });
    if (!result.ok) expect(result.problems[0]!.message).toContain('did you mean "roll-call"?');
  });
});
