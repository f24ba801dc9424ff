import { describe, expect, it } from 'vitest';
import { listRemovableMedia, machineProbe, type MediaProbe } from '../../../main/bundle/removable-media.js';

/** A machine described by its folders, mounts and free space. */
function fakeMachine(platform: NodeJS.Platform, folders: Record<string, string[]>, mounts: string[] = [], extra: Partial<MediaProbe> = {}): MediaProbe {
  return {
    platform,
    subfolders: async (path) => folders[path] ?? [],
    mountPoints: async () => new Set(mounts),
    realpath: async (path) => path,
    freeBytes: async (path) => (path.includes('GONE') ? Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })) : 1_000_000),
    removableDrives: async () => [],
    ...extra,
  };
}

describe('listRemovableMedia', () => {
  it('on Linux, lists what udisks mounted under /media/<user> and /run/media/<user>, and usbmount mounts in /media', async () => {
    const probe = fakeMachine(
      'linux',
      { '/media': ['alice', 'usb0', 'cdrom'], '/media/alice': ['STICK A', 'stale'], '/run/media': ['bob'], '/run/media/bob': ['KEYS'] },
      ['/', '/media/alice/STICK A', '/media/usb0', '/run/media/bob/KEYS'],
    );
    expect(await listRemovableMedia(probe)).toEqual([
      { mountPoint: '/media/alice/STICK A', name: 'STICK A', freeBytes: 1_000_000 },
      { mountPoint: '/media/usb0', name: 'usb0', freeBytes: 1_000_000 },
      { mountPoint: '/run/media/bob/KEYS', name: 'KEYS', freeBytes: 1_000_000 },
    ]);
  });

  it('on macOS, lists /Volumes without the boot volume', async () => {
    const probe = fakeMachine('darwin', { '/Volumes': ['Macintosh HD', 'STICK'] }, [], {
      realpath: async (path) => (path === '/Volumes/Macintosh HD' ? '/' : path),
    });
    expect((await listRemovableMedia(probe)).map((m) => m.mountPoint)).toEqual(['/Volumes/STICK']);
  });

  it('on Windows, lists the removable drive letters', async () => {
    const probe = fakeMachine('win32', {}, [], { removableDrives: async () => ['E:', 'F:'] });
    expect(await listRemovableMedia(probe)).toEqual([
      { mountPoint: 'E:\\', name: 'E:', freeBytes: 1_000_000 },
      { mountPoint: 'F:\\', name: 'F:', freeBytes: 1_000_000 },
    ]);
  });

  it('leaves out a medium pulled out while listing', async () => {
    const probe = fakeMachine('linux', { '/media': ['alice'], '/media/alice': ['GONE', 'OK'] }, ['/media/alice/GONE', '/media/alice/OK']);
    expect((await listRemovableMedia(probe)).map((m) => m.name)).toEqual(['OK']);
  });

  it('reads this machine without failing, and its mount table', async () => {
    expect(Array.isArray(await listRemovableMedia())).toBe(true);
    if (process.platform === 'linux') expect((await machineProbe.mountPoints()).has('/')).toBe(true);
  });
});
