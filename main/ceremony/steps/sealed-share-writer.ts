import { createHash } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirectory } from '../../bundle/fsync-directory.js';

/** Why a sealed share file could not be written to the folder chosen; the room may choose another. */
export class SealedFileWriteError extends Error {
  override readonly name = 'SealedFileWriteError';
  constructor(
    readonly code: 'SEALED_FILE_EXISTS' | 'MEDIA_UNWRITABLE' | 'SEALED_FILE_UNPROVEN',
    message: string,
  ) {
    super(message);
  }
}

/** A sealed share file on the custodian's USB stick, written, read back and proven. */
export interface WrittenSealedFile {
  /** Where it is (absolute). */
  path: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  bytes: number;
}

/** I/O failures that mean "this stick will not take the file": the room can plug in another. */
const MEDIA_FAILURES = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EIO', 'EDQUOT', 'ENODEV']);

/**
 * Writes a sealed share file into `folder` under `name`, never overwriting:
 * first as a hidden ".<name>.partial", fsynced, renamed, the folder fsynced
 * (partial files left by an interrupted try — this name's, or any whose name
 * starts with `stalePrefix`, the same share of an earlier share set — are
 * removed first: a partial file was never complete); then
 * the file is read back, compared byte for byte and handed to `prove` (which
 * opens it with the passphrase). A file that fails the proof is removed.
 * @throws SealedFileWriteError SEALED_FILE_EXISTS when the folder already
 *   holds `name`, MEDIA_UNWRITABLE when the folder is missing, full or
 *   read-only, SEALED_FILE_UNPROVEN when the read-back differs or `prove` throws.
 */
export async function writeSealedShareFile(folder: string, name: string, sealed: Uint8Array, prove: (readBack: Uint8Array) => Promise<void>, stalePrefix = name): Promise<WrittenSealedFile> {
  const path = join(folder, name);
  const partial = join(folder, `.${name}.partial`);
  try {
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    if (await exists(path)) {
      throw new SealedFileWriteError('SEALED_FILE_EXISTS', `${path} already exists. A sealed share file is never overwritten: use another USB stick, or move that file away first.`);
    }
    await rm(partial, { force: true });
    for (const entry of await readdir(folder)) {
      if (entry.startsWith(`.${stalePrefix}`) && entry.endsWith('.partial')) await rm(join(folder, entry), { force: true });
    }
    const handle = await open(partial, 'wx');
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await exists(path)) throw new SealedFileWriteError('SEALED_FILE_EXISTS', `${path} appeared while the file was being written. Nothing was overwritten: use another USB stick.`);
    await rename(partial, path);
    // The rename reaches the stick only once the folder is flushed.
    await fsyncDirectory(folder);
  } catch (error) {
    if (error instanceof SealedFileWriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!MEDIA_FAILURES.has(code)) throw error;
    await rm(partial, { force: true }).catch(() => undefined);
    throw new SealedFileWriteError('MEDIA_UNWRITABLE', `The sealed share file could not be written to ${folder} (${describe(code)}). Nothing was kept there: plug in another USB stick, or free space on this one, and choose it again.`);
  }
  const readBack = new Uint8Array(await readFile(path));
  try {
    if (Buffer.compare(readBack, sealed) !== 0) throw new Error('the bytes read back differ from the bytes written');
    await prove(readBack);
  } catch (error) {
    await rm(path, { force: true });
    throw new SealedFileWriteError('SEALED_FILE_UNPROVEN', `The sealed share file written to ${folder} did not prove sound (${(error as Error).message}); it was removed. Choose the stick again, or another one.`);
  }
  return { path, sha256: createHash('sha256').update(readBack).digest('hex'), bytes: readBack.length };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function describe(code: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the stick is full';
    case 'EROFS':
      return 'the stick is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'writing there is not allowed';
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
      return 'the folder is not there: was the stick removed?';
    default:
      return 'the stick reported an input/output error';
  }
}
