import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenStore, type TestTokenStore } from '../support/softhsm.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HAS_ELECTRON = existsSync(join(ROOT, 'node_modules', 'electron', 'dist'));
const WHY_SKIPPED =
  'skipped: no Electron binary here (node_modules/electron/dist is missing; it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD). ' +
  'Install it with `npm rebuild electron` to run these tests; the same flow runs in Chromium in test/e2e/bridge.';

if (!HAS_ELECTRON) process.stderr.write(`test/electron: ${WHY_SKIPPED}\n`);

// The real app, launched with Playwright's _electron from the source tree
// (unpackaged: no fuses flipped, so Playwright's inspector connection works).
describe.skipIf(!HAS_ELECTRON)(`the Electron app${HAS_ELECTRON ? '' : ` (${WHY_SKIPPED})`}`, () => {
  let store: TestTokenStore;
  let app: ElectronApplication;
  let window: Page;

  beforeAll(async () => {
    // `npm run build`, as `npm start` runs it.
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout).toBe(0);
    const vite = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(vite.status, vite.stderr).toBe(0);
    store = createTokenStore(['electron-smoke-root']);
    app = await _electron.launch({ args: [ROOT], cwd: ROOT, env: { ...(process.env as Record<string, string>), SOFTHSM2_CONF: store.conf } });
    window = await app.firstWindow();
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    store?.cleanup();
  });

  it('opens the home screen from the app:// origin', async () => {
    await window.getByRole('heading', { name: 'Conclave' }).waitFor();
    expect(window.url()).toBe('app://conclave/index.html');
  });

  it('lists the HSM tokens through the preload and the IPC wrapper', async () => {
    await window.getByRole('heading', { name: 'electron-smoke-root' }).waitFor();
    expect(await window.getByRole('list', { name: 'Tokens' }).innerText()).toContain(store.tokens[0]!.serial);
  });

  it('gives the page the contract API and nothing of Node or Electron', async () => {
    const globals = await window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { conclave: typeof g.conclave, require: typeof g.require, process: typeof g.process, ipcRenderer: typeof g.ipcRenderer };
    });
    expect(globals).toEqual({ conclave: 'object', require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  it('refuses to navigate the window to another origin', async () => {
    await window.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await window.waitForTimeout(500);
    expect(window.url()).toBe('app://conclave/index.html');
  });
});
