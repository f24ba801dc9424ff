// The `conclave` command's compiled form: the TypeScript under main/ and
// shared/ (and the print views it renders) bundled by esbuild into a few ES
// modules (the entry, and one chunk per command, loaded when it runs), kept
// in node_modules/.cache/conclave-cli/ and rebuilt whenever a source it was
// built from changes. Plain JavaScript, because it runs before
// anything can compile TypeScript.
//
// Why: running the sources through tsx costs a round trip to tsx's loader
// thread for every one of the ~270 modules, about a second at every start on
// a ceremony laptop. A bundle loads in a few tens of milliseconds. It is
// never stale: every source's SHA-256 (a dependency's size and time) is
// checked against the manifest before the bundle is used, so what runs is
// exactly what is checked out (the same bytes the pre-flight's code hash covers).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CACHE_DIR = join('node_modules', '.cache', 'conclave-cli');
const MANIFEST = 'manifest.json';
const ENTRY = 'conclave-cli.mjs';
/** Bundles of other checkouts' sources are removed once this old (a long ceremony may still be running one). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The CLI's `main`, from a bundle of the current sources (built now if there
 * is none or a source changed), or undefined when no bundle can be had here
 * (esbuild missing, node_modules read-only): the caller then runs the
 * sources through tsx, which behaves the same, only slower to start.
 * @param {string} root the project's root folder
 * @param {string} [cache] where bundles are kept (tests give their own)
 * @returns {Promise<{ main: (argv: string[]) => Promise<number> } | undefined>}
 */
export async function compiledCli(root, cache = join(root, CACHE_DIR)) {
  const bundle = freshBundle(root, cache) ?? (await buildBundle(root, cache));
  return bundle ? import(pathToFileURL(bundle).href) : undefined;
}

/** The bundle named by the manifest, if every source it was built from is unchanged. */
function freshBundle(root, cache) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  for (const [path, recorded] of Object.entries(manifest.inputs)) {
    if (fingerprint(root, path) !== recorded) return undefined;
  }
  const entry = join(cache, manifest.bundle, ENTRY);
  return existsSync(entry) ? entry : undefined;
}

async function buildBundle(root, cache) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [{ in: 'main/cli/main.ts', out: 'conclave-cli' }],
    bundle: true,
    // A chunk per lazily loaded command, so `--help` does not load the engine's dependencies.
    splitting: true,
    outdir: 'bundle',
    // .mjs: under node_modules no package.json says "type": "module".
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too (resolving and compiling zod's, pkijs's and
    // React's hundreds of files one by one costs more than the engine), except
    // the native PKCS#11 binding and Chromium's driver, loaded only to print.
    external: ['pkcs11js', 'playwright-core', 'esbuild'],
    // React's production build: the development one checks every element
    // rendered into the printed documents, for a developer's console.
    define: { 'process.env.NODE_ENV': '"production"' },
    // The CommonJS dependencies require Node's modules (and pkcs11js): an ES module has no require of its own.
    banner: { js: "import { createRequire as conclaveCreateRequire } from 'node:module'; const require = conclaveCreateRequire(import.meta.url);" },
    tsconfig: join(root, 'tsconfig.json'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrls],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('<'));
  // How the bundle is made counts as much as what it is made of.
  inputs.push('tsconfig.json', 'package.json', 'main/cli/compiled-cli.js');
  const fingerprints = Object.fromEntries(inputs.sort().map((path) => [path, fingerprint(root, path)]));
  const name = `cli-${createHash('sha256').update(JSON.stringify(fingerprints)).digest('hex').slice(0, 16)}`;
  const bundleDir = join(root, 'bundle');
  try {
    // Written into a folder of its own and renamed into place: two commands
    // started at once each write whole bundles, and neither reads half of one.
    const temporary = join(cache, `.${name}.${process.pid}`);
    for (const file of result.outputFiles) {
      const path = join(temporary, file.path.slice(bundleDir.length + 1));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    if (existsSync(join(cache, name))) rmSync(temporary, { recursive: true, force: true });
    else renameSync(temporary, join(cache, name));
    writeFileSync(`${join(cache, MANIFEST)}.${process.pid}`, JSON.stringify({ bundle: name, inputs: fingerprints }));
    renameSync(`${join(cache, MANIFEST)}.${process.pid}`, join(cache, MANIFEST));
    removeStaleBundles(cache, name);
  } catch {
    return undefined;
  }
  return join(cache, name, ENTRY);
}

/**
 * Each module keeps its own import.meta.url (and dirname, filename), as if it
 * ran from its source file: the engine finds the examples and its own code
 * relative to where each module lives, not where the bundle is.
 */
const ownUrls = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: extname(args.path) === '.tsx' ? 'tsx' : 'ts' };
    });
  },
};

/**
 * What must be unchanged for the bundle to be used: the SHA-256 of each of
 * our own sources; for a dependency under node_modules, its size and
 * modification time — npm only ever changes one by writing it anew, and
 * reading the few megabytes of them at every start would cost more than the
 * rest of the check.
 */
function fingerprint(root, path) {
  if (!path.startsWith('node_modules/')) return fileSha256(join(root, path));
  try {
    const { size, mtimeMs } = statSync(join(root, path));
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}

function fileSha256(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function removeStaleBundles(cache, keep) {
  const now = Date.now();
  for (const name of readdirSync(cache)) {
    if (name === keep || name === MANIFEST) continue;
    const path = join(cache, name);
    if (now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
  }
}
