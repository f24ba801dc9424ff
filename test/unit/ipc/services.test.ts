import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import type { ScriptCheck } from '../../../shared/ipc/script-channels.js';
import { dispatch } from '../../../main/service/dispatch.js';
import { RendererHost } from '../../../main/service/renderer-host.js';
import { createServices } from '../../../main/service/services.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const STICK: RemovableMedium = { mountPoint: '/media/witness/CEREMONY-1', name: 'CEREMONY-1', freeBytes: 8_000_000_000 };

function handlers(media: RemovableMedium[] = [STICK]): Handlers {
  const listMedia = async () => media;
  return createServices({
    app: { name: 'Conclave', version: '0.0.0-test', rehearsalModulePath: '/nonexistent/libsofthsm2.so' },
    modulePath: () => '/nonexistent/libsofthsm2.so',
    listMedia,
    host: new RendererHost(() => undefined, listMedia),
  });
}

describe('the script, bundle and media handlers, through dispatch', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'conclave-services-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("checks an example script: its SHA-256 over the file's exact bytes, and its plan", async () => {
    const file = join(ROOT, 'examples', 'root-key-generation.yaml');
    const result = await dispatch(handlers(), 'script.check', { path: file });
    expect(result.ok).toBe(true);
    const check = (result as { value: ScriptCheck }).value;
    expect(check).toMatchObject({ valid: true, file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    if (check.valid) expect(check.plan.steps.map((s) => s.id)).toContain('open');
  });

  it('answers a script with problems with each problem and its line, as a value', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'version: 1\nkind: root-key-generation\nid: [unclosed\n');
    const result = await dispatch(handlers(), 'script.check', { path: file });
    expect(result).toMatchObject({ ok: true, value: { valid: false, file } });
    const check = (result as { value: ScriptCheck }).value;
    if (!check.valid) {
      expect(check.problems.length).toBeGreaterThan(0);
      expect(check.problems[0]!.line).toBeGreaterThan(0);
    }
  });

  it('gives an error value for a script that cannot be read', async () => {
    expect(await dispatch(handlers(), 'script.check', { path: join(dir, 'missing.yaml') })).toMatchObject({ ok: false, error: { code: 'SCRIPT_UNREADABLE' } });
  });

  it('refuses a relative script path', async () => {
    expect(await dispatch(handlers(), 'script.check', { path: 'examples/root-key-generation.yaml' })).toMatchObject({ ok: false, error: { code: 'script.path-not-absolute' } });
  });

  it('refuses a file that is not a YAML script before reading it', async () => {
    expect(await dispatch(handlers(), 'script.check', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
  });

  it('gives an error value for a folder that is not an evidence bundle', async () => {
    expect(await dispatch(handlers(), 'bundle.verify', { path: dir })).toMatchObject({ ok: false, error: { code: 'BUNDLE_NOT_A_BUNDLE' } });
  });

  it('refuses a relative bundle path', async () => {
    expect(await dispatch(handlers(), 'bundle.verify', { path: 'bundle' })).toMatchObject({ ok: false, error: { code: 'bundle.path-not-absolute' } });
  });

  it('lists the removable drives with their free space', async () => {
    expect(await dispatch(handlers(), 'media.list', {})).toEqual({ ok: true, value: [STICK] });
  });
});
