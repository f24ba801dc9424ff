import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { fsyncDirectory } from './fsync-directory.js';

/** A file opened for writing. */
export interface WritableFile {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  /** fsync(2): the bytes are on the medium when it resolves. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/**
 * The file operations the bundle writer and the media export need, and no
 * more. Tests put a layer in between to make the disk fail (ENOSPC, EIO,
 * EROFS) at the exact call they want.
 */
export interface BundleFileSystem {
  /** Creates a new file (O_CREAT | O_EXCL): EEXIST when it is there. */
  createExclusive(path: string): Promise<WritableFile>;
  /** Creates one directory; false when it already exists as a directory. */
  makeDirectory(path: string): Promise<boolean>;
  readFile(path: string): Promise<Buffer>;
  list(path: string): Promise<DirectoryEntry[]>;
  /** Whether anything is at the path (lstat: a symbolic link counts). */
  exists(path: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a whole folder; nothing if absent. */
  remove(path: string): Promise<void>;
  /** Space an unprivileged writer may still use, and the block size it is counted in. */
  freeSpace(path: string): Promise<{ freeBytes: number; blockSize: number }>;
  fsyncDirectory(path: string): Promise<void>;
}

/** The real file system, through node:fs/promises. */
export const nodeFileSystem: BundleFileSystem = {
  async createExclusive(path) {
    const handle = await fs.open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
    return {
      write: (data, offset, length) => handle.write(data, offset, length, null),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async makeDirectory(path) {
    try {
      await fs.mkdir(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await fs.stat(path)).isDirectory()) return false;
      throw error;
    }
  },
  readFile: (path) => fs.readFile(path),
  async list(path) {
    const entries = await fs.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' }));
  },
  async exists(path) {
    try {
      await fs.lstat(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  },
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { recursive: true, force: true }),
  async freeSpace(path) {
    const stats = await fs.statfs(path);
    return { freeBytes: stats.bavail * stats.bsize, blockSize: stats.bsize };
  },
  fsyncDirectory,
};
