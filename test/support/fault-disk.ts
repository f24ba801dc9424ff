import type * as FsPromises from 'node:fs/promises';

/** The disk errors a test can make the file system answer with. */
export type DiskErrno = 'ENOSPC' | 'EIO' | 'EROFS';

export interface DiskFault {
  /** Paths this fault hits: those containing this text (a folder, a file name). */
  where: string;
  errno: DiskErrno;
  /** create: opening a file for writing or making a folder; write and sync: on a file already open. */
  on: 'create' | 'write' | 'sync';
  /** For a write fault: let this many bytes through first, so a line or a file is cut short, as a disk filling up does. */
  cutAfter?: number;
}

/**
 * The faults in force. A test arms one (from a host callback, at the exact
 * event it wants) and clears it when "the disk is fixed".
 */
export const diskFaults: { active: DiskFault[]; hits: number } = { active: [], hits: 0 };

function matching(path: unknown, on: DiskFault['on']): DiskFault | undefined {
  return diskFaults.active.find((f) => f.on === on && String(path).includes(f.where));
}

function fault(path: unknown, on: DiskFault['on']): NodeJS.ErrnoException | undefined {
  const found = matching(path, on);
  if (!found) return undefined;
  diskFaults.hits++;
  return Object.assign(new Error(`${found.errno}: injected by the test, ${on} '${String(path)}'`), { code: found.errno, errno: -1, syscall: on, path: String(path) });
}

const WRITING = /[wa+]/;

/**
 * node:fs/promises with disk faults injected, for `vi.mock('node:fs/promises', …)`
 * in a test file: every module of the engine (the journal, the bundle writer,
 * the media export) then meets ENOSPC, EIO or EROFS exactly where the test
 * says — the only way to see EIO, and read-only faults on a file already open
 * (a real remount refuses while it is). Nothing in main/ knows about it.
 */
export function withDiskFaults(real: typeof FsPromises): typeof FsPromises {
  const open: typeof real.open = async (path, flags, mode) => {
    const writing = typeof flags === 'number' ? (flags & 3) !== 0 : WRITING.test(flags ?? 'r');
    const refused = writing ? fault(path, 'create') : undefined;
    if (refused) throw refused;
    const handle = await real.open(path, flags, mode);
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>;
    const sync = handle.sync.bind(handle);
    Object.assign(handle, {
      write: (...args: unknown[]) => {
        const cut = matching(path, 'write');
        if (cut?.cutAfter && typeof args[2] === 'number') {
          // What still fits is written; the next write meets the error.
          const fits = Math.min(cut.cutAfter, args[2]);
          cut.cutAfter -= fits;
          return write(args[0], args[1], fits, args[3]);
        }
        const failed = fault(path, 'write');
        return failed ? Promise.reject(failed) : write(...args);
      },
      sync: () => {
        const failed = fault(path, 'sync');
        return failed ? Promise.reject(failed) : sync();
      },
    });
    return handle;
  };
  const mkdir = (async (path: Parameters<typeof real.mkdir>[0], options?: Parameters<typeof real.mkdir>[1]) => {
    const refused = fault(path, 'create');
    if (refused) throw refused;
    return real.mkdir(path, options);
  }) as typeof real.mkdir;
  const wrapped = { ...real, open, mkdir };
  return { ...wrapped, default: wrapped } as typeof FsPromises;
}
