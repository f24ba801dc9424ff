import { createHash, randomBytes } from 'node:crypto';
import { basename, join, posix } from 'node:path';
import { BundleError } from './bundle-error.js';
import { nodeFileSystem, type BundleFileSystem } from './bundle-file-system.js';
import { SUMS_FILE } from './bundle-path.js';
import { listBundleFiles } from './bundle-writer.js';
import { classifyWriteError, makeDirectories, writeFileDurably } from './durable-write.js';
import { parseSums } from './sha256sums.js';

export interface ExportOptions {
  /** The copy's folder name on the medium; the bundle folder's name by default. */
  name?: string;
  /** The file system (tests make it fail); the real one by default. */
  fileSystem?: BundleFileSystem;
}

export interface ExportedCopy {
  /** The finished copy's folder. */
  path: string;
  files: number;
  bytes: number;
}

/**
 * Copies a finished bundle onto a medium (a USB stick). The source is first
 * checked against its SHA256SUMS; the copy is written into a hidden folder
 * named ".<name>.incomplete-<random>", every file fsynced and read back and
 * its SHA-256 compared, and only then renamed to <name>. On any failure the
 * hidden folder is removed, so nothing on the medium looks like a finished
 * copy; a full medium is refused before writing when its free space is short.
 * @throws BundleError BUNDLE_UNFINISHED (no SHA256SUMS), BUNDLE_SOURCE_CHANGED,
 *   EXPORT_EXISTS, MEDIA_NOT_FOUND, MEDIA_FULL, MEDIA_READ_ONLY, MEDIA_IO_ERROR,
 *   BUNDLE_READBACK_MISMATCH, BUNDLE_WRITE_FAILED.
 */
export async function exportBundle(bundleDir: string, mediumDir: string, options: ExportOptions = {}): Promise<ExportedCopy> {
  const fs = options.fileSystem ?? nodeFileSystem;
  const files = await readCheckedSource(fs, bundleDir);
  return copyFilesToMedium(files, mediumDir, options.name ?? basename(bundleDir), fs);
}

/**
 * Copies some of a bundle's files onto a medium while the ceremony is still
 * open (the wrapped backup and the public certificates, one USB stick per
 * copy the script asks for), the same careful way exportBundle does: a hidden
 * folder, every file read back and compared, renamed only when complete.
 * @throws BundleError as exportBundle does; BUNDLE_BAD_PATH for a file not in the bundle.
 */
export async function exportFiles(bundleDir: string, paths: readonly string[], mediumDir: string, name: string, fileSystem: BundleFileSystem = nodeFileSystem): Promise<ExportedCopy> {
  const files = new Map<string, Buffer>();
  for (const path of paths) {
    if (!(await fileSystem.exists(join(bundleDir, path)))) throw new BundleError('BUNDLE_BAD_PATH', `${path} is not in the bundle ${bundleDir}.`, { path });
    files.set(path, await fileSystem.readFile(join(bundleDir, path)));
  }
  return copyFilesToMedium(files, mediumDir, name, fileSystem);
}

async function copyFilesToMedium(files: Map<string, Buffer>, mediumDir: string, name: string, fs: BundleFileSystem): Promise<ExportedCopy> {
  const finalPath = join(mediumDir, name);
  if (!(await fs.exists(mediumDir))) throw new BundleError('MEDIA_NOT_FOUND', `${mediumDir} is not there: was the medium removed?`, { path: mediumDir });
  if (await fs.exists(finalPath)) {
    throw new BundleError('EXPORT_EXISTS', `${finalPath} already exists on the medium. Nothing is overwritten: remove it, or export under another name.`, { path: finalPath });
  }
  await refuseWhenShort(fs, mediumDir, files);

  const temporary = join(mediumDir, `.${name}.incomplete-${randomBytes(4).toString('hex')}`);
  let bytes = 0;
  try {
    if (!(await fs.makeDirectory(temporary))) throw new BundleError('EXPORT_EXISTS', `${temporary} already exists.`, { path: temporary });
    for (const [path, content] of files) {
      await makeDirectories(fs, temporary, posix.dirname(path));
      await writeFileDurably(fs, join(temporary, path), content);
      bytes += content.length;
    }
    await fs.rename(temporary, finalPath);
    await fs.fsyncDirectory(mediumDir);
  } catch (error) {
    const cleaned = await fs.remove(temporary).then(
      () => true,
      () => false,
    );
    const failure = classifyWriteError(error, temporary);
    const left = cleaned ? ' Nothing was left on the medium.' : ` The unfinished folder ${temporary} could not be removed: delete it by hand.`;
    throw new BundleError(failure.code, `Copying the bundle to ${mediumDir} failed: ${failure.message}${left}`, failure.details);
  }
  return { path: finalPath, files: files.size, bytes };
}

/** What happened on one medium of a multi-copy export. */
export type MediumOutcome = { medium: string; ok: true; copy: ExportedCopy } | { medium: string; ok: false; error: BundleError };

/**
 * Copies the bundle to each medium in turn (the script may ask for two
 * copies). One medium failing does not stop the others; each outcome says
 * what happened there.
 */
export async function exportBundleToMedia(bundleDir: string, media: string[], options: ExportOptions = {}): Promise<MediumOutcome[]> {
  const outcomes: MediumOutcome[] = [];
  for (const medium of media) {
    try {
      outcomes.push({ medium, ok: true, copy: await exportBundle(bundleDir, medium, options) });
    } catch (error) {
      outcomes.push({ medium, ok: false, error: classifyWriteError(error, medium) });
    }
  }
  return outcomes;
}

/** Reads every file of the bundle and checks it against SHA256SUMS, so a damaged bundle is never spread. */
async function readCheckedSource(fs: BundleFileSystem, bundleDir: string): Promise<Map<string, Buffer>> {
  const paths = await listBundleFiles(fs, bundleDir);
  if (!paths.includes(SUMS_FILE)) {
    throw new BundleError('BUNDLE_UNFINISHED', `${bundleDir} has no SHA256SUMS: only a closed, sealed bundle is exported.`, { path: bundleDir });
  }
  const files = new Map<string, Buffer>();
  for (const path of paths) files.set(path, await fs.readFile(join(bundleDir, path)));
  const sums = parseSums(files.get(SUMS_FILE)!.toString('utf8'));
  const listed = new Map(sums.ok ? sums.entries.map((e) => [e.path, e.sha256]) : []);
  const bad = [...files.entries()]
    .filter(([path]) => path !== SUMS_FILE)
    .filter(([path, content]) => listed.get(path) !== createHash('sha256').update(content).digest('hex'))
    .map(([path]) => path);
  const missing = [...listed.keys()].filter((path) => !files.has(path));
  if (!sums.ok || bad.length || missing.length) {
    const what = !sums.ok ? sums.message : [...bad.map((p) => `${p} does not match`), ...missing.map((p) => `${p} is missing`)].join('; ');
    throw new BundleError('BUNDLE_SOURCE_CHANGED', `The bundle in ${bundleDir} no longer matches its SHA256SUMS (${what}). It was not copied: run conclave verify on it.`, { path: bundleDir });
  }
  return files;
}

/** Counts whole blocks per file, as the medium will; refuses before writing anything when they do not fit. */
async function refuseWhenShort(fs: BundleFileSystem, mediumDir: string, files: Map<string, Buffer>): Promise<void> {
  let space: { freeBytes: number; blockSize: number };
  try {
    space = await fs.freeSpace(mediumDir);
  } catch (error) {
    throw classifyWriteError(error, mediumDir);
  }
  const block = Math.max(space.blockSize, 1);
  const folders = new Set([...files.keys()].map((p) => posix.dirname(p))).size + 1;
  const needed = [...files.values()].reduce((sum, f) => sum + Math.ceil(f.length / block) * block, 0) + folders * block;
  if (needed > space.freeBytes) {
    throw new BundleError('MEDIA_FULL', `${mediumDir} has ${space.freeBytes} bytes free; the bundle needs about ${needed}. Nothing was written: use a larger or emptier medium.`, {
      path: mediumDir,
      freeBytes: space.freeBytes,
      neededBytes: needed,
    });
  }
}
