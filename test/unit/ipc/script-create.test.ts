import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { CreatedScript, ScriptExample, ScriptTemplate } from '../../../shared/ipc/script-channels.js';
import { ceremonyKinds } from '../../../shared/script/common.js';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import { dispatch } from '../../../main/service/dispatch.js';
import { scriptService } from '../../../main/service/script-service.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const handlers = { script: scriptService() } as unknown as Handlers;

async function template(kind: string): Promise<ScriptTemplate> {
  const result = await dispatch(handlers, 'script.template', { kind });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ScriptTemplate;
}

describe('script.examples, script.template and script.create, through dispatch', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'conclave-script-create-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists one example per ceremony kind, with its file and title', async () => {
    const result = await dispatch(handlers, 'script.examples', {});
    const examples = (result as { value: ScriptExample[] }).value;
    expect(examples.map((e) => e.kind)).toEqual([...ceremonyKinds]);
    expect(examples[0]).toEqual({ kind: 'root-key-generation', file: join(ROOT, 'examples', 'root-key-generation.yaml'), title: 'ACME Example Root CA 2026 — key generation' });
  });

  it("gives a kind's example as data, its CSR paths made absolute so the script finds them wherever it is saved", async () => {
    const root = await template('root-key-generation');
    expect(root.data.id).toBe('acme-example-root-2026');
    const csr = (root.data.certificates as { csr?: string }[]).find((c) => c.csr !== undefined)!.csr!;
    expect(csr).toBe(join(ROOT, 'examples', 'csr', 'issuing-ca.csr.pem'));
    const exported = (await template('key-export')).data.exports as { transportKey: string }[];
    for (const e of exported) expect(isAbsolute(e.transportKey)).toBe(true);
  });

  it('refuses a kind that does not exist, before any file is read', async () => {
    expect(await dispatch(handlers, 'script.template', { kind: 'key-juggling' })).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
  });

  it('writes the example root as YAML the loader accepts, and returns the SHA-256 of the bytes written', async () => {
    const file = join(dir, 'root.yaml');
    const result = await dispatch(handlers, 'script.create', { path: file, script: (await template('root-key-generation')).data });
    expect(result.ok).toBe(true);
    const created = (result as { value: CreatedScript }).value;
    expect(created.file).toBe(file);
    expect(created.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    const loaded = await loadScript(file);
    expect(loaded.sha256).toBe(created.sha256);
    expect(loaded.plan.steps.some((s) => s.id === 'certificate.issuing-ca')).toBe(true);
  });

  it('never overwrites a file already there', async () => {
    const file = join(dir, 'reviewed.yaml');
    writeFileSync(file, 'the reviewed copy\n');
    const result = await dispatch(handlers, 'script.create', { path: file, script: (await template('root-key-generation')).data });
    expect(result).toMatchObject({ ok: false, error: { code: 'script.exists' } });
    expect(readFileSync(file, 'utf8')).toBe('the reviewed copy\n');
  });

  it('writes nothing the schema refuses, and names the field', async () => {
    const file = join(dir, 'bad.yaml');
    const data = (await template('root-key-generation')).data as { backup: { threshold: number } };
    data.backup.threshold = 9;
    const result = await dispatch(handlers, 'script.create', { path: file, script: data });
    expect(result).toMatchObject({ ok: false, error: { code: 'script.invalid' } });
    expect((result as { error: { message: string } }).error.message).toContain('backup.threshold: threshold 9 is more than the 5 custodians');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a relative path and a folder that does not exist', async () => {
    const script = (await template('root-key-generation')).data;
    expect(await dispatch(handlers, 'script.create', { path: 'root.yaml', script })).toMatchObject({ ok: false, error: { code: 'script.path-not-absolute' } });
    expect(await dispatch(handlers, 'script.create', { path: join(dir, 'no-such-folder', 'root.yaml'), script })).toMatchObject({ ok: false, error: { code: 'script.folder-missing' } });
  });
});
