import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const hasElectronBinary = existsSync(resolve(ROOT, 'node_modules', 'electron', 'dist'));

describe('npm start', () => {
  it.skipIf(hasElectronBinary)('says in one sentence that Electron is missing, how to install it, and points to the rehearsal', () => {
    const run = spawnSync(process.execPath, ['main/electron/start.js'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_execpath: '' } });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron's binary/);
    expect(lines[0]).toContain('npm rebuild electron');
    expect(lines[0]).toContain('npm run rehearse');
    expect(run.stdout).toBe('');
  });
});
