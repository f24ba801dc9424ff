import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// A FAT USB stick refuses fsync on a folder with EINVAL; any other failure is
// a real one (the stick pulled out, an I/O error) and must reach the room.
function failingSync(code: string) {
  vi.doMock('node:fs/promises', async (original) => {
    const real = await original<typeof import('node:fs/promises')>();
    return {
      ...real,
      open: async (path: string, flags: string) => {
        const handle = await real.open(path, flags);
        return Object.assign(handle, { sync: () => Promise.reject(Object.assign(new Error(`fsync: ${code}`), { code })) });
      },
    };
  });
}

describe('fsyncDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-fsync-dir-'));
  afterEach(() => {
    vi.doUnmock('node:fs/promises');
    vi.resetModules();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('flushes a folder on a file system that can', async () => {
    const { fsyncDirectory } = await import('../../../main/bundle/fsync-directory.js');
    await expect(fsyncDirectory(dir)).resolves.toBeUndefined();
  });

  it('takes a FAT stick refusing to flush a folder (EINVAL) as done', async () => {
    failingSync('EINVAL');
    const { fsyncDirectory } = await import('../../../main/bundle/fsync-directory.js');
    await expect(fsyncDirectory(dir)).resolves.toBeUndefined();
  });

  it('passes on an I/O error', async () => {
    failingSync('EIO');
    const { fsyncDirectory } = await import('../../../main/bundle/fsync-directory.js');
    await expect(fsyncDirectory(dir)).rejects.toMatchObject({ code: 'EIO' });
  });
});
