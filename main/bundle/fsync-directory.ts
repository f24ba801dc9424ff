import { open } from 'node:fs/promises';

/**
 * Makes a directory's entries durable (a new file's name survives a power
 * loss only once its directory is fsynced: POSIX fsync(2), ext4 and XFS
 * behave so). On Windows a directory cannot be opened for fsync from Node and
 * NTFS journals its metadata, so this does nothing there. Some file systems
 * of USB sticks (FAT) refuse to fsync a directory at all (EINVAL): there is
 * nothing more to do for it, so that refusal is not an error.
 * @throws the file system's error (ENOENT, EIO) elsewhere.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync().catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EINVAL') throw error;
    });
  } finally {
    await handle.close();
  }
}
