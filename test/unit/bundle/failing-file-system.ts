import { nodeFileSystem, type BundleFileSystem } from '../../../main/bundle/bundle-file-system.js';

/** An errno error as node:fs throws it. */
export function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by the test`), { code });
}

export interface Faults {
  /** Fail creating a file or folder whose path contains `where`, with this errno. */
  create?: { errno: string; where?: string };
  /** Fail writing once this many bytes were written in total (0 = the first write). */
  write?: { errno: string; afterBytes: number };
  /** Flip a byte of what is read back from files whose path contains this. */
  corruptReadBack?: string;
  /** What freeSpace reports, instead of the truth. */
  freeBytes?: number;
}

/**
 * The real file system with faults injected where a test wants them: the
 * fallback when the test may not mount a full or read-only file system, and
 * the only way to see EIO.
 */
export function failingFileSystem(faults: Faults): BundleFileSystem & { bytesWritten: () => number } {
  let total = 0;
  const failCreate = (path: string) => {
    if (faults.create && (faults.create.where === undefined || path.includes(faults.create.where))) throw errnoError(faults.create.errno);
  };
  return {
    ...nodeFileSystem,
    bytesWritten: () => total,
    async createExclusive(path) {
      failCreate(path);
      const file = await nodeFileSystem.createExclusive(path);
      return {
        ...file,
        async write(data, offset, length) {
          if (faults.write && total + length > faults.write.afterBytes) {
            // Like a disk filling up: what fits is written, then the errno.
            const fits = Math.max(0, faults.write.afterBytes - total);
            if (fits > 0) {
              const { bytesWritten } = await file.write(data, offset, fits);
              total += bytesWritten;
              return { bytesWritten };
            }
            throw errnoError(faults.write.errno);
          }
          const result = await file.write(data, offset, length);
          total += result.bytesWritten;
          return result;
        },
      };
    },
    async makeDirectory(path) {
      failCreate(path);
      return nodeFileSystem.makeDirectory(path);
    },
    async readFile(path) {
      const bytes = await nodeFileSystem.readFile(path);
      if (faults.corruptReadBack !== undefined && path.includes(faults.corruptReadBack) && bytes.length > 0) bytes[0] = bytes[0]! ^ 0xff;
      return bytes;
    },
    async freeSpace(path) {
      const real = await nodeFileSystem.freeSpace(path);
      return faults.freeBytes === undefined ? real : { ...real, freeBytes: faults.freeBytes };
    },
  };
}
