import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

// The renderer compiles with its own settings (renderer/tsconfig.json: DOM,
// bundler resolution, react-jsx) and is not part of the root typecheck: this
// test is what makes a renderer call that disagrees with the contract fail.
describe('the renderer against the IPC contract', () => {
  it('type-checks with renderer/tsconfig.json', { timeout: 180_000 }, () => {
    const tsc = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'renderer/tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
