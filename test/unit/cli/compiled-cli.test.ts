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
  builtAt: number;
  inputs: Record<string, string>;
  stats: Record<string, string>;
}
const manifest = (): Manifest => JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
/** A source's stat as the manifest records it: size, modification and change times, inode. */
const statKey = (path: string) => {
  const { size, mtimeMs, ctimeMs, ino } = statSync(join(ROOT, path));
  return `${size}:${mtimeMs}:${ctimeMs}:${ino}`;
};

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

  /** Edits the manifest as a test case needs, runs the CLI, and says whether it built again. */
  async function rebuiltAfter(edit: (m: Manifest) => void): Promise<boolean> {
    const edited = manifest();
    edit(edited);
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify(edited));
    const before = statSync(join(cache, 'manifest.json')).mtimeMs;
    await help();
    return statSync(join(cache, 'manifest.json')).mtimeMs !== before;
  }

  it('never runs a bundle whose source has changed since: it builds again', async () => {
    // As the manifest would read had main.ts been different at the build: another hash, another stat.
    const rebuilt = await rebuiltAfter((m) => {
      m.inputs['main/cli/main.ts'] = '0'.repeat(64);
      m.stats['main/cli/main.ts'] = '0:0:0:0';
    });
    expect(rebuilt).toBe(true);
    expect(manifest().inputs['main/cli/main.ts']).toBe(sha256('main/cli/main.ts'));
  });

  it('hashes a source again when its stat differs from the one recorded, and keeps the bundle when its bytes are the same', async () => {
    expect(await rebuiltAfter((m) => void (m.stats['main/cli/main.ts'] = '0:0:0:0'))).toBe(false);
  });

  it('reads no source whose size, times and inode are as recorded well before the build (the hash is not looked at)', async () => {
    const rebuilt = await rebuiltAfter((m) => {
      m.inputs['main/cli/main.ts'] = '0'.repeat(64);
      m.stats['main/cli/main.ts'] = statKey('main/cli/main.ts');
    });
    expect(rebuilt).toBe(false);
  });

  it('hashes every source changed within 2 s of the build, whatever its stat says (a coarse clock may not show a second change)', async () => {
    const rebuilt = await rebuiltAfter((m) => {
      m.inputs['main/cli/main.ts'] = '0'.repeat(64);
      m.stats['main/cli/main.ts'] = statKey('main/cli/main.ts');
      // As if the bundle had been built in the same second main.ts last changed.
      m.builtAt = statSync(join(ROOT, 'main/cli/main.ts')).mtimeMs + 500;
    });
    expect(rebuilt).toBe(true);
    expect(manifest().inputs['main/cli/main.ts']).toBe(sha256('main/cli/main.ts'));
  });

  it('leaves each module its own import.meta.url, so files next to the sources are found', () => {
    const bundle = join(cache, manifest().bundle);
    const code = readdirSync(bundle).map((name) => readFileSync(join(bundle, name), 'utf8')).join('\n');
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'main/ceremony/rehearsal/rehearse.ts')).href));
  });
});
