import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { BundleError } from './bundle-error.js';
import type { BundleFileSystem } from './bundle-file-system.js';

/**
 * Writes a new file and proves it: create exclusively (never overwrite),
 * write every byte, fsync, close, fsync the folder, read the file back and
 * compare its SHA-256 with what was meant. Returns that SHA-256 (hex). On
 * any failure after the file was created, the file is removed.
 * The read-back goes through the OS, so it catches short writes, a file
 * changed under us and file-system errors; a medium that lies to its cache is
 * caught by `conclave verify` on the copy.
 * @throws BundleError BUNDLE_FILE_EXISTS, BUNDLE_READBACK_MISMATCH, or the
 *   write failure classified (MEDIA_FULL, MEDIA_READ_ONLY, MEDIA_IO_ERROR, BUNDLE_WRITE_FAILED).
 */
export async function writeFileDurably(fs: BundleFileSystem, path: string, bytes: Uint8Array): Promise<string> {
  const [sha256] = await writeFilesDurably(fs, [{ path, bytes }]);
  return sha256!;
}

/**
 * writeFileDurably for several files at once: each created exclusively,
 * written, fsynced and closed, then each folder they are in fsynced once
 * (not once per file: a certificate's .der and .pem share certs/), then each
 * read back and compared. Returns their SHA-256s in order. On any failure
 * every file this call created is removed: none of them is reported yet, and
 * a file left behind would look finished.
 * @throws as writeFileDurably, for the first file that failed.
 */
export async function writeFilesDurably(fs: BundleFileSystem, files: readonly { path: string; bytes: Uint8Array }[]): Promise<string[]> {
  const created: string[] = [];
  const failed = async (error: unknown, path: string): Promise<never> => {
    for (const done of created) await fs.remove(done).catch(() => undefined);
    throw classifyWriteError(error, path);
  };
  const expected: string[] = [];
  for (const { path, bytes } of files) {
    expected.push(createHash('sha256').update(bytes).digest('hex'));
    let file;
    try {
      file = await fs.createExclusive(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        return failed(new BundleError('BUNDLE_FILE_EXISTS', `${path} already exists. Nothing is ever overwritten: the existing file was left as it is.`, { path }), path);
      }
      return failed(error, path);
    }
    // From here on a failure removes the file: a half-written file must not look like a finished one.
    created.push(path);
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await file.write(bytes, written, bytes.length - written);
        written += bytesWritten;
      }
      await file.sync();
      await file.close();
    } catch (error) {
      await file.close().catch(() => undefined);
      return failed(error, path);
    }
  }
  for (const folder of new Set(files.map((f) => dirname(f.path)))) {
    try {
      await fs.fsyncDirectory(folder);
    } catch (error) {
      return failed(error, folder);
    }
  }
  for (const [i, { path }] of files.entries()) {
    let actual: string;
    try {
      actual = createHash('sha256').update(await fs.readFile(path)).digest('hex');
    } catch (error) {
      return failed(error, path);
    }
    if (actual !== expected[i]) {
      return failed(
        new BundleError('BUNDLE_READBACK_MISMATCH', `${path} read back with SHA-256 ${actual}, not ${expected[i]} as written, and was removed. The medium is unreliable: use another one.`, {
          path,
          expected: expected[i]!,
          actual,
        }),
        path,
      );
    }
  }
  return expected;
}

/**
 * Creates the folders of `relativeDir` under `root` one by one, fsyncing the
 * parent of each one created (a new folder's name is durable only then).
 * Folders in `known` were made or found by an earlier call and are not asked
 * about again; those made or found now are added to it.
 */
export async function makeDirectories(fs: BundleFileSystem, root: string, relativeDir: string, known?: Set<string>): Promise<void> {
  let current = root;
  for (const segment of relativeDir.split('/').filter((s) => s !== '' && s !== '.')) {
    const parent = current;
    current = join(current, segment);
    if (known?.has(current)) continue;
    try {
      if (await fs.makeDirectory(current)) await fs.fsyncDirectory(parent);
    } catch (error) {
      throw classifyWriteError(error, current);
    }
    known?.add(current);
  }
}

/** Turns a write's errno into a message the room can act on. */
export function classifyWriteError(error: unknown, path: string): BundleError {
  if (error instanceof BundleError) return error;
  const errno = (error as NodeJS.ErrnoException).code ?? 'unknown';
  const details = { path, errno };
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new BundleError('MEDIA_FULL', `The disk holding ${path} is full (${errno}). Free space or use another medium.`, details);
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new BundleError('MEDIA_READ_ONLY', `${path} cannot be written: the medium is read-only or write-protected (${errno}). Check its lock switch or use another one.`, details);
    case 'EIO':
      return new BundleError('MEDIA_IO_ERROR', `The medium failed while writing ${path} (EIO). It may be failing or was removed: use another one.`, details);
    default:
      return new BundleError('BUNDLE_WRITE_FAILED', `Writing ${path} failed (${errno}: ${(error as Error).message}).`, details);
  }
}
