// The `conclave` command's compiled form: the TypeScript under main/ and
// shared/ (and the print views it renders), with its dependencies, bundled by
// esbuild into one script, kept in node_modules/.cache/conclave-cli/ and
// rebuilt whenever a source it was built from changes. V8's code cache of
// the script is kept beside it, one per command, made after the command's
// first run (so it holds the functions that command compiled; code, never
// data: no PIN or share of that run is in it). Plain JavaScript, because it
// runs before anything can compile TypeScript.
//
// Why: running the sources through tsx costs a round trip to tsx's loader
// thread for every one of the ~270 modules, about a second at every start on
// a ceremony laptop. A bundle with its code cache loads in about a tenth of
// that; the cache also spares compiling each function on its first call. It is
// never stale: every source's SHA-256 (a dependency's size and time) is
// checked against the manifest before the bundle is used, so what runs is
// exactly what is checked out (the same bytes the pre-flight's code hash covers).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const CACHE_DIR = join('node_modules', '.cache', 'conclave-cli');
const MANIFEST = 'manifest.json';
const ENTRY = 'conclave-cli.cjs';
/** The commands whose code cache is kept apart (anything else shares "other"). */
const CACHED_COMMANDS = /^(rehearse|run|resume|verify|share|script|hsm)$/;
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
  return bundle ? loadBundle(bundle) : undefined;
}

/**
 * Runs the bundle as a CommonJS module would run, compiled with the command's
 * code cache when there is a valid one; else, once the command has run, its
 * cache is written for the next time (best effort: a cache that cannot be
 * written only costs speed).
 */
function loadBundle(bundle) {
  const code = readFileSync(bundle, 'utf8');
  return {
    async main(argv, io) {
      const cacheFile = join(dirname(bundle), `${CACHED_COMMANDS.test(argv[0] ?? '') ? argv[0] : 'other'}.v8-cache`);
      let cachedData;
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
      const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {
        filename: bundle,
        cachedData,
      });
      const module = { exports: {} };
      script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
      try {
        return await module.exports.main(argv, io);
      } finally {
        if (cachedData === undefined || script.cachedDataRejected) writeQuietly(cacheFile, script.createCachedData());
      }
    },
  };
}

function writeQuietly(path, bytes) {
  try {
    writeFileSync(`${path}.${process.pid}`, bytes);
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    rmSync(`${path}.${process.pid}`, { force: true });
  }
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
    entryPoints: ['main/cli/main.ts'],
    bundle: true,
    // CommonJS: V8's code cache (vm.Script) exists for scripts, not ES modules, in Node 20.
    // Each command's code is still evaluated only when it runs (esbuild keeps the lazy import()s lazy).
    format: 'cjs',
    outfile: ENTRY,
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too (resolving and compiling zod's, pkijs's and
    // React's hundreds of files one by one costs more than the engine), except
    // the native PKCS#11 binding and Chromium's driver, loaded only to print.
    external: ['pkcs11js', 'playwright-core', 'esbuild'],
    // React's production build: the development one checks every element
    // rendered into the printed documents, for a developer's console.
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    write: false,
    // Whitespace and comments out, names kept (stack traces stay readable): a
    // third less to read and hash at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrls],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('<'));
  // How the bundle is made counts as much as what it is made of.
  inputs.push('tsconfig.json', 'package.json', 'main/cli/compiled-cli.js');
  const fingerprints = Object.fromEntries(inputs.sort().map((path) => [path, fingerprint(root, path)]));
  const name = `cli-${createHash('sha256').update(JSON.stringify(fingerprints)).digest('hex').slice(0, 16)}`;
  try {
    // Written into a folder of its own and renamed into place: two commands
    // started at once each write whole bundles, and neither reads half of one.
    const temporary = join(cache, `.${name}.${process.pid}`);
    mkdirSync(temporary, { recursive: true });
    writeFileSync(join(temporary, ENTRY), result.outputFiles[0].contents);
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
