import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../../../main/cli/compiled-cli.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const cache = mkdtempSync(join(tmpdir(), 'conclave-cli-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

interface Manifest {
  bundle: string;
  inputs: Record<string, string>;
}
const manifest = (): Manifest => JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');

async function help(): Promise<{ code: number; text: string }> {
  const cli = await compiledCli(ROOT, cache);
  expect(cli, 'esbuild is a dependency: a bundle can always be built here').toBeDefined();
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await cli!.main(['--help'], { stdout, stderr: new PassThrough(), stdin: new PassThrough() });
  return { code, text };
}

describe('the conclave command, compiled from the current sources', () => {
  it('builds a bundle and runs the CLI from it', async () => {
    const { code, text } = await help();
    expect(code).toBe(0);
    expect(text).toContain('conclave rehearse');
    expect(text).toContain('conclave hsm keys');
  });

  it('records the SHA-256 of every source it was built from, its own recipe included', () => {
    const { inputs } = manifest();
    for (const path of ['main/cli/main.ts', 'main/ceremony/rehearsal/rehearse.ts', 'main/cli/compiled-cli.js', 'tsconfig.json']) {
      expect(inputs[path], path).toBe(sha256(path));
    }
  });

  it('keeps the bundle while no source changed', async () => {
    const before = statSync(join(cache, 'manifest.json')).mtimeMs;
    await help();
    expect(statSync(join(cache, 'manifest.json')).mtimeMs).toBe(before);
  });

  it('never runs a bundle whose source has changed since: it builds again', async () => {
    const stale = manifest();
    stale.inputs['main/cli/main.ts'] = '0'.repeat(64);
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify(stale));
    await help();
    expect(manifest().inputs['main/cli/main.ts']).toBe(sha256('main/cli/main.ts'));
  });

  it('leaves each module its own import.meta.url, so files next to the sources are found', () => {
    const bundle = join(cache, manifest().bundle);
    const code = readdirSync(bundle).map((name) => readFileSync(join(bundle, name), 'utf8')).join('\n');
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'main/ceremony/rehearsal/rehearse.ts')).href));
  });
});
