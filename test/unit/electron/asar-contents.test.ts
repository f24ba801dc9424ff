import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePreload } from '../../../renderer/build/preload-bundle.js';
import { buildRenderer } from '../../support/bridge/build-renderer.js';
import { asarFileList, isUnpacked, listFiles } from './asar-file-list.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; devDependencies: Record<string, string> };
const CONFIG = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  artifactName: string;
  npmRebuild: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};
const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: object, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

describe('app.asar, as electron-builder.yml packs the build', () => {
  let out: string;
  let files: string[];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'conclave-asar-'));
    const dist = join(out, 'dist');
    // The build, as `npm run build` lays it out, into a directory of the test's own.
    // --noCheck: the same files are emitted; types are the typecheck's business.
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist, '--noCheck'], { cwd: ROOT, encoding: 'utf8' });
    // Syntax errors elsewhere in the tree are the typecheck's to report; what matters here is the emitted layout.
    expect(existsSync(join(dist, 'main', 'electron', 'app.js')), tsc.stdout + tsc.stderr).toBe(true);
    await buildRenderer(join(dist, 'renderer-vite'));
    await bundlePreload({ entry: join(ROOT, 'main/electron/preload.ts'), outDir: join(dist, 'preload') });
    const output = [
      ...listFiles(dist, (rel) => rel === 'renderer-vite').map((rel) => `dist/${rel}`),
      ...listFiles(join(dist, 'renderer-vite')).map((rel) => `dist/renderer/${rel}`),
      // A source map, as a build with maps switched on would leave one.
      'dist/main/electron/app.js.map',
    ];
    files = asarFileList(ROOT, CONFIG, output);
  }, 300_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(CONFIG, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it("holds the main process entry package.json names, and package.json", () => {
    expect(files).toContain(PACKAGE.main);
    expect(files).toContain('package.json');
  });

  it('holds the bundled preload, not the ES module tsc makes of it', () => {
    expect(files).toContain('dist/preload/preload.cjs');
    expect(files).not.toContain('dist/main/electron/preload.js');
  });

  it('holds the built renderer and the print views main renders', () => {
    expect(files).toContain('dist/renderer/index.html');
    expect(files.some((f) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    expect(files).toContain('dist/renderer/print/transcript-document.js');
  });

  it('holds the compiled engine and the IPC contract', () => {
    expect(files).toContain('dist/main/service/services.js');
    expect(files).toContain('dist/main/hsm/hsm.js');
    expect(files).toContain('dist/shared/ipc/contract.js');
  });

  it('holds the pkcs11js addon, and unpacks it (a native module cannot load from inside an asar)', () => {
    const addon = 'node_modules/pkcs11js/build/Release/pkcs11.node';
    expect(files).toContain(addon);
    expect(isUnpacked(addon, CONFIG.asarUnpack)).toBe(true);
    expect(files.filter((f) => f.endsWith('.node') && !isUnpacked(f, CONFIG.asarUnpack))).toEqual([]);
  });

  it('holds the production dependencies the engine imports', () => {
    for (const dep of ['graphene-pk11', 'pkijs', 'asn1js', 'zod', 'yaml', 'react', 'react-dom', 'shamir-secret-sharing']) {
      expect(files.some((f) => f.startsWith(`node_modules/${dep}/`)), dep).toBe(true);
    }
  });

  it('holds no TypeScript source, test, benchmark or source map', () => {
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(main|shared|renderer|test|bench|examples|docs)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('holds no build or tool configuration', () => {
    expect(files.filter((f) => !f.includes('/') && f !== 'package.json')).toEqual([]);
  });

  it('holds no development dependency', () => {
    for (const dep of Object.keys(PACKAGE.devDependencies)) {
      expect(files.filter((f) => f.startsWith(`node_modules/${dep}/`)), dep).toEqual([]);
    }
  });
});

describe('electron-builder.yml', () => {
  it('flips the fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; only a validated app.asar runs', () => {
    expect(CONFIG.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an AppImage and a deb, an NSIS installer and a dmg', () => {
    expect(CONFIG.linux.target).toEqual(['AppImage', 'deb']);
    expect(CONFIG.win.target).toEqual(['nsis']);
    expect(CONFIG.mac.target).toEqual(['dmg']);
  });

  it('names artifacts by product, version, OS and architecture', () => {
    for (const macro of ['${productName}', '${version}', '${os}', '${arch}']) expect(CONFIG.artifactName).toContain(macro);
  });

  it('does not rebuild native modules (pkcs11js is Node-API: one binary serves Node and Electron)', () => {
    expect(CONFIG.npmRebuild).toBe(false);
  });
});
