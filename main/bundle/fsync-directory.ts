import { open } from 'node:fs/promises';

/**
 * Makes a directory's entries durable (a new file's name survives a power
 * loss only once its directory is fsynced: POSIX fsync(2), ext4 and XFS
 * behave so). On Windows a directory cannot be opened for fsync from Node and
 * NTFS journals its metadata, so this does nothing there.
 * @throws the file system's error (ENOENT, EIO) elsewhere.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
