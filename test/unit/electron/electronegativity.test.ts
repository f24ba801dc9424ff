import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../support/bridge/build-renderer.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: unknown[];
  issues: Finding[];
}
type Run = (options: { input: string; excludeFromScan: string[]; electronVersionOverride: string; isRelative: boolean }) => Promise<ScanResult>;

// Electronegativity's CLI exits 0 whatever it finds: the gate is its programmatic run().
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

/**
 * Scans `input` with every check except AvailableSecurityFixes, which
 * downloads Electron's release list. (The tool also tries to fetch
 * translations at start; offline it falls back to its bundled English.)
 */
function scan(input: string): Promise<ScanResult> {
  return run({ input, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], electronVersionOverride: ELECTRON_VERSION, isRelative: true });
}

/** main/electron compiled to JavaScript, comments kept (suppressions live in them). */
function compileShell(outDir: string): void {
  const source = join(ROOT, 'main', 'electron');
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(source)) {
    if (file.endsWith('.ts')) {
      const output = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: false },
        fileName: file,
      }).outputText;
      writeFileSync(join(outDir, file.replace(/\.ts$/, '.js')), output);
    } else if (file.endsWith('.js')) {
      copyFileSync(join(source, file), join(outDir, file));
    }
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the static security gate (Electronegativity)', () => {
  let target: string;
  let result: ScanResult;

  beforeAll(async () => {
    target = mkdtempSync(join(tmpdir(), 'conclave-electronegativity-'));
    compileShell(join(target, 'main', 'electron'));
    await buildRenderer(join(target, 'renderer'));
    result = await scan(target);
  });

  afterAll(() => rmSync(target, { recursive: true, force: true }));

  it('parses every file of the compiled shell and the built renderer', () => {
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.globalChecks).toBeGreaterThan(0);
  });

  it('finds nothing but reviewed suppressions', () => {
    expect(result.issues.map((f) => `${f.id} ${f.file}:${f.location.line} ${f.sample ?? ''}`)).toEqual([]);
  });

  it('has a reason written above every suppression', () => {
    const suppressions = filesUnder(target).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i, lines) => ({ file: relative(target, file), line: i + 1, text: line, before: lines.slice(Math.max(0, i - 3), i).join('\n') }))
        .filter(({ text }) => text.includes('eng-disable')),
    );
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) expect(s.before, `${s.file}:${s.line}`).toMatch(/electronegativity: .{40,}/);
  });
});

describe('the gate itself', () => {
  it('catches a window with Node integration and no isolation, in an app without navigation limits or permission handlers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-electronegativity-canary-'));
    try {
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
      );
      const ids = (await scan(dir)).issues.map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
