import { createHash } from 'node:crypto';
import { dirname, join, posix } from 'node:path';
import { BundleError } from './bundle-error.js';
import { nodeFileSystem, type BundleFileSystem } from './bundle-file-system.js';
import { SUMS_FILE, assertBundlePath } from './bundle-path.js';
import { classifyWriteError, makeDirectories, writeFileDurably, writeFilesDurably } from './durable-write.js';
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
   * Called after each call's files are written and checked, before
   * writeFile or writeFiles returns: the runner appends their file.written
   * events here (and waits for their fsync).
   */
  onFilesWritten?: (files: WrittenFile[]) => Promise<void> | void;
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
  /**
   * Folders of the bundle made or found by this writer: a batch of 1,000
   * certificates asks for certs/ once, not 2,000 times. The bundle is this
   * run's alone (the runner refuses a folder in use), so a folder once there stays.
   */
  private readonly folders = new Set<string>();

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
   *   MEDIA_IO_ERROR, BUNDLE_WRITE_FAILED; or what onFilesWritten throws.
   */
  async writeFile(path: string, bytes: Uint8Array, options: { record?: boolean } = {}): Promise<WrittenFile> {
    const [written] = await this.writeFiles([{ path, bytes }], options);
    return written!;
  }

  /**
   * Writes files that belong together (a certificate's request, .der and
   * .pem) as writeFile does, with one fsync per folder instead of one per
   * file, and reports them together: the transcript then takes their
   * file.written events in one write. All or none: on a failure, none of them
   * is left in the bundle and none is reported.
   * @throws as writeFile, for the first file that failed.
   */
  async writeFiles(files: readonly { path: string; bytes: Uint8Array }[], options: { record?: boolean } = {}): Promise<WrittenFile[]> {
    for (const { path } of files) {
      assertBundlePath(path);
      if (path === SUMS_FILE) throw new BundleError('BUNDLE_BAD_PATH', `${SUMS_FILE} is written by writeSums at the close, over every other file.`, { path });
    }
    await this.makeBundleDirectory();
    for (const folder of new Set(files.map((f) => posix.dirname(f.path)))) await makeDirectories(this.fs, this.dir, folder, this.folders);
    const sha256s = await writeFilesDurably(this.fs, files.map((f) => ({ path: join(this.dir, f.path), bytes: f.bytes })));
    const written = files.map((f, i) => ({ path: f.path, sha256: sha256s[i]!, bytes: f.bytes.length }));
    if (options.record !== false) await this.options.onFilesWritten?.(written);
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
    if (this.folders.has(this.dir)) return;
    try {
      if (await this.fs.makeDirectory(this.dir)) await this.fs.fsyncDirectory(dirname(this.dir));
      this.folders.add(this.dir);
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
