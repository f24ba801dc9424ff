import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app as the transcript records it: version, and the SHA-256 of its own code. */
export interface AppIdentity {
  name: string;
  version: string;
  /** SHA-256 over the manifest of the code that runs (see appCodeSha256). */
  codeSha256: string;
  /** How many files the code hash covers. */
  codeFiles: number;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** What "the app's own code" is: the engine, the shared schemas, the screens, and the locked dependency list. */
const CODE_FOLDERS = ['main', 'shared', 'renderer', 'dist'];
const CODE_FILES = ['package.json', 'package-lock.json'];
const CODE_EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|json|html|css)$/;

let cached: AppIdentity | undefined;

/**
 * Identifies the running app. The code hash is the SHA-256 of a manifest
 * listing "<sha256>  <path>" for every code file, sorted by path — the same
 * form as SHA256SUMS, so an auditor can rebuild it with sha256sum from a
 * release checkout (docs/formats.md). In a packaged app the same folders sit
 * inside app.asar, which Electron reads as a directory.
 */
export function appIdentity(root: string = ROOT): AppIdentity {
  if (cached && root === ROOT) return cached;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const files = [...CODE_FILES.filter((f) => existsSync(join(root, f))), ...CODE_FOLDERS.flatMap((folder) => listCode(root, join(root, folder)))].sort();
  const manifest = files.map((f) => `${createHash('sha256').update(readFileSync(join(root, f))).digest('hex')}  ${f}\n`).join('');
  const identity = { name: pkg.name, version: pkg.version, codeSha256: createHash('sha256').update(manifest).digest('hex'), codeFiles: files.length };
  if (root === ROOT) cached = identity;
  return identity;
}

function listCode(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listCode(root, path));
    else if (CODE_EXTENSIONS.test(name)) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}
