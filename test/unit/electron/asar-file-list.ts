import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';

/**
 * What electron-builder would put into app.asar, computed without packaging
 * (packaging downloads Electron): electron-builder's own file matchers
 * (app-builder-lib/out/fileMatcher.js) applied to the project, the build
 * output, and the production dependency tree. A model of the packager, kept
 * close to it: the same default patterns, the same node_modules exclusions.
 */

type Filter = (file: string, stat: { isDirectory(): boolean }) => boolean;
interface FileMatcher {
  isEmpty(): boolean;
  createFilter(): Filter;
}
interface FileMatcherModule {
  excludedNames: string;
  excludedExts: string;
  getMainFileMatchers(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, packager: object): FileMatcher;
}

const requireHere = createRequire(import.meta.url);
const FILE_MATCHER_PATH = requireHere.resolve('app-builder-lib/out/fileMatcher.js');
const fileMatcher = requireHere(FILE_MATCHER_PATH) as FileMatcherModule;
// The minimatch electron-builder itself resolves, for asarUnpack patterns.
const { Minimatch } = createRequire(FILE_MATCHER_PATH)('minimatch') as { Minimatch: new (pattern: string, options: object) => { match(path: string): boolean } };

// NodeModuleCopyHelper's fixed exclusions (app-builder-lib/out/util/NodeModuleCopyHelper.js).
const EXCLUDED_IN_MODULES = new Set(['.DS_Store', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins', ...fileMatcher.excludedNames.split(',')]);
const EXCLUDED_AT_MODULE_TOP = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);
const EXCLUDED_MODULE_EXTS = ['.o', '.obj', '.pdb', '.dll', '.exe', ...fileMatcher.excludedExts.split(',').map((e) => `.${e}`)];

/** node-gyp's intermediate files, which the packager leaves out of every module. */
function isBuildLeftover(rel: string): boolean {
  const name = posix.basename(rel);
  const parent = posix.dirname(rel);
  if (parent.endsWith('Release')) return name === '.deps' || name === 'obj.target';
  if (parent.endsWith('build')) return name === 'gyp-mac-tool' || name === 'Makefile' || /\.(mk|gypi|Makefile)$/.test(name);
  return false;
}

/** Files under `dir`, relative, with forward slashes; `skip` names directories not to enter. */
export function listFiles(dir: string, skip: (relativeDir: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(join(dir, current), { withFileTypes: true })) {
      const rel = current ? `${current}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip(rel)) walk(rel);
      } else if (entry.isFile()) {
        out.push(rel);
      }
    }
  };
  walk('');
  return out;
}

/** Package directories of the production dependency tree, resolved as Node resolves them (nested first, then hoisted). */
export function productionPackages(projectDir: string): string[] {
  const seen = new Set<string>();
  const visit = (requester: string, name: string, optional: boolean): void => {
    let dir = requester;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        if (seen.has(candidate)) return;
        seen.add(candidate);
        const manifest = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
        for (const dep of Object.keys(manifest.dependencies ?? {})) visit(candidate, dep, false);
        for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(candidate, dep, true);
        return;
      }
      if (dir === projectDir || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    if (!optional) throw new Error(`Production dependency ${name} (needed by ${relative(projectDir, requester) || 'the app'}) is not installed.`);
  };
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies ?? {})) visit(projectDir, dep, false);
  return [...seen];
}

/**
 * The relative paths app.asar would hold (before asarUnpack moves some out).
 * @param projectDir the app directory (package.json, electron-builder.yml)
 * @param config electron-builder.yml, parsed
 * @param buildOutput files of the build output, relative to projectDir (e.g. "dist/main/electron/app.js"):
 *   they stand in for the project's own dist/, which this function does not read.
 */
export function asarFileList(projectDir: string, config: object, buildOutput: string[]): string[] {
  const packager = { projectDir, buildResourcesDir: 'build', config, isPrepackedAppAsar: false, debugLogger: { isEnabled: false } };
  const same = (pattern: string): string => pattern;
  const [appMatcher] = fileMatcher.getMainFileMatchers(projectDir, '/asar', same, {}, { info: packager }, join(projectDir, 'release'), false);
  const appFilter = appMatcher!.createFilter();
  const passes = (filter: Filter, rel: string): boolean => {
    const parts = rel.split('/');
    // The packager walks directories first: every ancestor must pass, then the file.
    for (let i = 1; i < parts.length; i++) if (!filter(join(projectDir, ...parts.slice(0, i)), { isDirectory: () => true })) return false;
    return filter(join(projectDir, ...parts), { isDirectory: () => false });
  };

  const generated = new Set(['node_modules', '.git', 'dist', 'release', 'test-results']);
  const sources = listFiles(projectDir, (rel) => generated.has(rel));
  const appFiles = [...sources, ...buildOutput].filter((rel) => passes(appFilter, rel));

  const moduleMatcher = fileMatcher.getNodeModuleFileMatcher(projectDir, '/asar', same, {}, packager);
  const moduleFilter = moduleMatcher.isEmpty() ? undefined : moduleMatcher.createFilter();
  const moduleFiles = productionPackages(projectDir).flatMap((packageDir) => {
    const prefix = relative(projectDir, packageDir).split(sep).join('/');
    return listFiles(packageDir, (rel) => rel.split('/').pop() === 'node_modules' || (!rel.includes('/') && EXCLUDED_AT_MODULE_TOP.has(rel)) || isBuildLeftover(rel))
      .filter((rel) => {
        const name = posix.basename(rel);
        if (EXCLUDED_IN_MODULES.has(name) || name.startsWith('._')) return false;
        if (!rel.includes('/') && EXCLUDED_AT_MODULE_TOP.has(name)) return false;
        if (isBuildLeftover(rel)) return false;
        return !EXCLUDED_MODULE_EXTS.some((ext) => name.endsWith(ext));
      })
      .map((rel) => `${prefix}/${rel}`)
      // The packager asks the node_modules filter about each entry inside a package, never about node_modules itself.
      .filter((rel) => !moduleFilter || moduleFilter(join(projectDir, ...rel.split('/')), { isDirectory: () => false }));
  });
  return [...appFiles, ...moduleFiles].sort();
}

/** Whether asarUnpack's patterns move `file` out of the archive (electron-builder matches them with dot: true). */
export function isUnpacked(file: string, asarUnpack: readonly string[]): boolean {
  return asarUnpack.some((pattern) => new Minimatch(pattern, { dot: true }).match(file));
}
