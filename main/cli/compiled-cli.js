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
// never stale: every source is checked against the manifest before the
// bundle is used — by its stat when that is as recorded, else by its SHA-256
// (a dependency by its size and time; freshBundle) — so what runs is exactly
// what is checked out (the same bytes the pre-flight's code hash covers).
import { isAscii } from 'node:buffer';
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
 * A source changed less than this before its bundle was built is hashed at
 * every start (as git treats a "racily clean" file): a file system may count
 * time in steps this coarse (FAT: 2 s), so a second change within the same
 * step would leave its size and times as they were recorded.
 */
const RACY_MS = 2000;
/** Files that say how the bundle is made: a change to one rebuilds it. */
const RECIPE = ['tsconfig.json', 'package.json', 'main/cli/compiled-cli.js'];

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
  // esbuild writes ASCII (charset 'ascii' escapes the rest), which latin1
  // decodes as UTF-8 would, in a third less time; checked, not assumed.
  const bytes = readFileSync(bundle);
  const code = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
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

/**
 * The bundle named by the manifest, if every source it was built from is
 * unchanged. A source whose size, times and inode are those recorded at the
 * build, and which was not changed just before it, is unchanged without
 * being read: a change of content changes its modification time, and its
 * change time (ctime) cannot be set back. Any other source is hashed again
 * and compared, so a touched but unchanged file still counts as unchanged.
 */
function freshBundle(root, cache) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  const stats = manifest.stats ?? {};
  const settled = (manifest.builtAt ?? 0) - RACY_MS;
  for (const [path, recorded] of Object.entries(manifest.inputs)) {
    if (stats[path] !== undefined) {
      const now = statOf(join(root, path));
      if (now !== undefined && now.key === stats[path] && now.changedMs < settled) continue;
    }
    if (fingerprint(root, path) !== recorded) return undefined;
  }
  const entry = join(cache, manifest.bundle, ENTRY);
  return existsSync(entry) ? entry : undefined;
}

/** What identifies a file's state without reading it: size, modification and change times, inode. */
function statOf(path) {
  try {
    const { size, mtimeMs, ctimeMs, ino } = statSync(path);
    return { key: `${size}:${mtimeMs}:${ctimeMs}:${ino}`, changedMs: Math.max(mtimeMs, ctimeMs) };
  } catch {
    return undefined;
  }
}

async function buildBundle(root, cache) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  // Taken before anything is read: a source changed during the build has a
  // later time and is never trusted by its stat alone.
  const builtAt = Date.now();
  const before = new Map();
  const read = new Map();
  // How the bundle is made counts as much as what it is made of: these are
  // hashed before esbuild reads them (the sources, as esbuild reads them).
  for (const path of RECIPE) {
    const file = join(root, path);
    before.set(file, statOf(file));
    read.set(file, fileSha256(file));
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
    charset: 'ascii',
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrls(before, read)],
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('<')), ...RECIPE])];
  const fingerprints = {};
  const stats = {};
  // A source of ours esbuild read itself (none today: a .json or .js under main/)
  // is hashed only now; if it changed since the build began, what was
  // compiled is unknown, and the bundle is used this once but not recorded.
  let settled = true;
  for (const path of inputs.sort()) {
    const file = join(root, path);
    const own = !path.startsWith('node_modules/');
    const at = before.get(file) ?? statOf(file);
    fingerprints[path] = read.get(file) ?? fingerprint(root, path);
    // A source's stat is kept only if it did not change while it was read.
    const after = statOf(file);
    if (own && at !== undefined && after !== undefined && at.key === after.key) stats[path] = after.key;
    if (own && !read.has(file) && (after === undefined || after.changedMs >= builtAt)) settled = false;
  }
  const name = `cli-${createHash('sha256').update(JSON.stringify(fingerprints)).digest('hex').slice(0, 16)}`;
  try {
    // Written into a folder of its own and renamed into place: two commands
    // started at once each write whole bundles, and neither reads half of one.
    const temporary = join(cache, `.${name}.${process.pid}`);
    mkdirSync(temporary, { recursive: true });
    writeFileSync(join(temporary, ENTRY), result.outputFiles[0].contents);
    if (existsSync(join(cache, name))) rmSync(temporary, { recursive: true, force: true });
    else renameSync(temporary, join(cache, name));
    if (settled) {
      writeFileSync(`${join(cache, MANIFEST)}.${process.pid}`, JSON.stringify({ bundle: name, builtAt, inputs: fingerprints, stats }));
      renameSync(`${join(cache, MANIFEST)}.${process.pid}`, join(cache, MANIFEST));
    }
    removeStaleBundles(cache, name);
  } catch {
    return undefined;
  }
  return join(cache, name, ENTRY);
}

/**
 * Each module keeps its own import.meta.url (and dirname, filename), as if it
 * ran from its source file: the engine finds the examples and its own code
 * relative to where each module lives, not where the bundle is. Each source's
 * stat before it is read goes into `before`, the SHA-256 of what was read into `read`.
 */
const ownUrls = (before, read) => ({
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      before.set(args.path, statOf(args.path));
      const bytes = readFileSync(args.path);
      read.set(args.path, createHash('sha256').update(bytes).digest('hex'));
      const source = bytes.toString('utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: extname(args.path) === '.tsx' ? 'tsx' : 'ts' };
    });
  },
});

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
