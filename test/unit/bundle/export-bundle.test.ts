import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from '../../../main/bundle/bundle-error.js';
import { exportBundle, exportBundleToMedia } from '../../../main/bundle/export-bundle.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { failingFileSystem } from './failing-file-system.js';
import { makeSampleBundle, type SampleBundle } from './sample-bundle.js';
import { canMount, tryMountTmpfs, type ScratchMount } from './scratch-mount.js';

let bundle: SampleBundle;
let usb: string;
const mountable = canMount();
beforeAll(async () => {
  bundle = await makeSampleBundle();
});
afterAll(() => bundle.cleanup());
beforeEach(() => {
  usb = mkdtempSync(join(tmpdir(), 'conclave-usb-'));
});
afterEach(() => rmSync(usb, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('exportBundle to a medium (a temporary folder as the USB stick)', () => {
  it('makes a copy that sha256sum -c and conclave verify accept, and leaves nothing else', async () => {
    const copy = await exportBundle(bundle.dir, usb, { name: 'ceremony-2026' });
    expect(copy).toMatchObject({ path: join(usb, 'ceremony-2026'), files: 18 });
    expect(readdirSync(usb)).toEqual(['ceremony-2026']);
    expect(() => execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: copy.path, stdio: 'pipe' })).not.toThrow();
    expect((await verifyBundle(copy.path)).verdict).toBe('verified');
  });

  it('never overwrites a copy already on the medium', async () => {
    mkdirSync(join(usb, 'bundle'));
    writeFileSync(join(usb, 'bundle', 'mine.txt'), 'keep');
    const error = await refusal(exportBundle(bundle.dir, usb));
    expect(error.code).toBe('EXPORT_EXISTS');
    expect(readdirSync(join(usb, 'bundle'))).toEqual(['mine.txt']);
  });

  it('refuses a bundle that no longer matches its SHA256SUMS, writing nothing', async () => {
    const damaged = join(mkdtempSync(join(tmpdir(), 'conclave-damaged-')), 'bundle');
    cpSync(bundle.dir, damaged, { recursive: true });
    try {
      appendFileSync(join(damaged, 'backup/backup.json'), ' ');
      const error = await refusal(exportBundle(damaged, usb));
      expect(error.code).toBe('BUNDLE_SOURCE_CHANGED');
      expect(error.message).toContain('backup/backup.json does not match');
      expect(readdirSync(usb)).toEqual([]);
    } finally {
      rmSync(join(damaged, '..'), { recursive: true, force: true });
    }
  });

  it('refuses an unfinished bundle (no SHA256SUMS)', async () => {
    const open = await makeSampleBundle({ sealed: false });
    try {
      expect((await refusal(exportBundle(open.dir, usb))).code).toBe('BUNDLE_UNFINISHED');
    } finally {
      open.cleanup();
    }
  });

  it('says when the medium is gone', async () => {
    expect((await refusal(exportBundle(bundle.dir, join(usb, 'pulled-out')))).code).toBe('MEDIA_NOT_FOUND');
  });

  it('copies to several media, and one failing does not stop the others', async () => {
    const second = mkdtempSync(join(tmpdir(), 'conclave-usb2-'));
    try {
      mkdirSync(join(second, 'bundle'));
      const outcomes = await exportBundleToMedia(bundle.dir, [usb, second]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
      expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'EXPORT_EXISTS' } });
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});

describe('a medium that fails, with faults injected', () => {
  it.each([
    ['ENOSPC', 'MEDIA_FULL'],
    ['EIO', 'MEDIA_IO_ERROR'],
  ])('%s in the middle of the copy: %s, and no copy left that looks complete', async (errno, code) => {
    const fileSystem = failingFileSystem({ write: { errno, afterBytes: 5000 } });
    const error = await refusal(exportBundle(bundle.dir, usb, { fileSystem }));
    expect(error.code).toBe(code);
    expect(error.message).toContain('Nothing was left on the medium.');
    expect(fileSystem.bytesWritten()).toBe(5000);
    expect(readdirSync(usb)).toEqual([]);
  });

  it('EROFS (a write-protected stick): MEDIA_READ_ONLY before any file', async () => {
    const error = await refusal(exportBundle(bundle.dir, usb, { fileSystem: failingFileSystem({ create: { errno: 'EROFS' } }) }));
    expect(error.code).toBe('MEDIA_READ_ONLY');
    expect(readdirSync(usb)).toEqual([]);
  });

  it('too little free space: MEDIA_FULL before writing anything', async () => {
    const fileSystem = failingFileSystem({ freeBytes: 10_000 });
    const error = await refusal(exportBundle(bundle.dir, usb, { fileSystem }));
    expect(error.code).toBe('MEDIA_FULL');
    expect(fileSystem.bytesWritten()).toBe(0);
  });

  it('a file that reads back different: the copy is abandoned', async () => {
    const error = await refusal(exportBundle(bundle.dir, usb, { fileSystem: failingFileSystem({ corruptReadBack: usb }) }));
    expect(error.code).toBe('BUNDLE_READBACK_MISMATCH');
    expect(readdirSync(usb)).toEqual([]);
  });
});

describe.runIf(mountable)('a real full or read-only file system (a tmpfs this test mounts)', () => {
  let mount: ScratchMount | undefined;
  afterEach(() => mount?.unmount());

  it('a read-only mount: MEDIA_READ_ONLY, nothing written', async () => {
    mount = tryMountTmpfs('1m')!;
    mount.remountReadOnly();
    const error = await refusal(exportBundle(bundle.dir, mount.dir));
    expect(error).toMatchObject({ code: 'MEDIA_READ_ONLY', details: { errno: 'EROFS' } });
    expect(readdirSync(mount.dir)).toEqual([]);
  });

  it('a 64 KiB tmpfs: MEDIA_FULL from its free space, before writing', async () => {
    mount = tryMountTmpfs('64k')!;
    const error = await refusal(exportBundle(bundle.dir, mount.dir));
    expect(error.code).toBe('MEDIA_FULL');
    expect(readdirSync(mount.dir)).toEqual([]);
  });

  it('a 64 KiB tmpfs that fills up mid-copy (its free space misreported): the real ENOSPC, and no copy left', async () => {
    mount = tryMountTmpfs('64k')!;
    const error = await refusal(exportBundle(bundle.dir, mount.dir, { fileSystem: failingFileSystem({ freeBytes: 1 << 30 }) }));
    expect(error).toMatchObject({ code: 'MEDIA_FULL', details: { errno: 'ENOSPC' } });
    expect(readdirSync(mount.dir)).toEqual([]);
  });
});
