import { createHash } from 'node:crypto';
import { dirname, join, posix } from 'node:path';
import { BundleError } from './bundle-error.js';
import { nodeFileSystem, type BundleFileSystem } from './bundle-file-system.js';
import { SUMS_FILE, assertBundlePath } from './bundle-path.js';
import { classifyWriteError, makeDirectories, writeFileDurably } from './durable-write.js';
import { formatSums, type SumsEntry } from './sha256sums.js';

/** A file of the bundle as written: what the file.written event records. */
export type WrittenFile = {
  /** Relative to the bundle, forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
};

export interface BundleWriterOptions {
  /**
   * Called after each file is written and checked, before writeFile returns:
   * the runner appends the file.written event here (and waits for its fsync).
   */
  onFileWritten?: (file: WrittenFile) => Promise<void> | void;
  /** The file system (tests make it fail); the real one by default. */
  fileSystem?: BundleFileSystem;
}

/**
 * Writes the evidence bundle's files (design/FORMATS.md, "Evidence bundle"):
 * never overwriting, each file fsynced, read back and compared, each reported
 * for the transcript; and at the close SHA256SUMS over every other file.
 */
export class BundleWriter {
  private readonly fs: BundleFileSystem;

  constructor(
    /** The bundle's folder; created by writeFile when missing. */
    readonly dir: string,
    private readonly options: BundleWriterOptions = {},
  ) {
    this.fs = options.fileSystem ?? nodeFileSystem;
  }

  /**
   * Writes one file of the bundle and reports it (unless `record: false`, for
   * the files that follow the transcript's close: the seal, the printed transcript).
   * @throws BundleError BUNDLE_BAD_PATH, BUNDLE_FILE_EXISTS (names the file; it is
   *   left as it was), BUNDLE_READBACK_MISMATCH, MEDIA_FULL, MEDIA_READ_ONLY,
   *   MEDIA_IO_ERROR, BUNDLE_WRITE_FAILED; or what onFileWritten throws.
   */
  async writeFile(path: string, bytes: Uint8Array, options: { record?: boolean } = {}): Promise<WrittenFile> {
    assertBundlePath(path);
    if (path === SUMS_FILE) throw new BundleError('BUNDLE_BAD_PATH', `${SUMS_FILE} is written by writeSums at the close, over every other file.`, { path });
    await this.makeBundleDirectory();
    await makeDirectories(this.fs, this.dir, posix.dirname(path));
    const sha256 = await writeFileDurably(this.fs, join(this.dir, path), bytes);
    const written = { path, sha256, bytes: bytes.length };
    if (options.record !== false) await this.options.onFileWritten?.(written);
    return written;
  }

  /**
   * Writes SHA256SUMS over every other file of the bundle, sorted by path, in
   * `sha256sum -c` format. Hashes what is on disk now, so call it last.
   * @throws BundleError BUNDLE_FILE_EXISTS when SHA256SUMS is there already;
   *   BUNDLE_BAD_PATH when the bundle holds a name sha256sum would escape, or
   *   something that is not a file or folder (a link).
   */
  async writeSums(): Promise<WrittenFile & { files: number }> {
    const entries: SumsEntry[] = [];
    for (const path of await this.listFiles()) {
      if (path === SUMS_FILE) continue;
      entries.push({ path, sha256: createHash('sha256').update(await this.fs.readFile(join(this.dir, path))).digest('hex') });
    }
    const text = Buffer.from(formatSums(entries), 'utf8');
    const sha256 = await writeFileDurably(this.fs, join(this.dir, SUMS_FILE), text);
    return { path: SUMS_FILE, sha256, bytes: text.length, files: entries.length };
  }

  /** Every file of the bundle, relative paths with forward slashes. */
  async listFiles(): Promise<string[]> {
    return listBundleFiles(this.fs, this.dir);
  }

  private async makeBundleDirectory(): Promise<void> {
    try {
      if (await this.fs.makeDirectory(this.dir)) await this.fs.fsyncDirectory(dirname(this.dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw classifyWriteError(error, this.dir);
      throw new BundleError('BUNDLE_WRITE_FAILED', `The folder holding the bundle (${this.dir}) does not exist. Create it or choose another output folder.`, { path: this.dir });
    }
  }
}

/**
 * Every file under a bundle folder, relative, forward slashes.
 * @throws BundleError BUNDLE_BAD_PATH for a link or device, or a name that is no bundle path.
 */
export async function listBundleFiles(fs: BundleFileSystem, dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await fs.list(prefix ? join(dir, prefix) : dir)) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    assertBundlePath(path);
    if (entry.kind === 'directory') files.push(...(await listBundleFiles(fs, dir, path)));
    else if (entry.kind === 'file') files.push(path);
    else throw new BundleError('BUNDLE_BAD_PATH', `${path} in the bundle is not a plain file or folder (a link?). A bundle holds only files.`, { path });
  }
  return files;
}
