import { execFile } from 'node:child_process';
import { readFile, readdir, realpath, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** A mounted removable medium (a USB stick) that a bundle can be copied to. */
export interface RemovableMedium {
  /** Where it is mounted: /media/alice/STICK, /Volumes/STICK, E:\ */
  mountPoint: string;
  /** Its name as the desktop shows it (the mount point's last part, or the drive letter). */
  name: string;
  /** Bytes an unprivileged writer may still use. */
  freeBytes: number;
}

/** What listing media asks of the machine; tests give their own. */
export interface MediaProbe {
  platform: NodeJS.Platform;
  /** Folder names in a folder; empty when it does not exist. */
  subfolders(path: string): Promise<string[]>;
  /** Every mount point (Linux: from /proc/self/mountinfo). */
  mountPoints(): Promise<Set<string>>;
  /** Where a path leads once links are followed. */
  realpath(path: string): Promise<string>;
  freeBytes(path: string): Promise<number>;
  /** Windows drive letters of removable drives ("E:"), DriveType 2. */
  removableDrives(): Promise<string[]>;
}

/**
 * Lists removable media with their free space:
 * - Linux: what is mounted under /media/<user>/ and /run/media/<user>/ (udisks,
 *   for every user folder there), and mounts directly in /media (usbmount);
 * - macOS: /Volumes/*, without the boot volume (a link to /);
 * - Windows: drives of type "removable".
 * A medium whose free space cannot be read (pulled out meanwhile) is left out.
 */
export async function listRemovableMedia(probe: MediaProbe = machineProbe): Promise<RemovableMedium[]> {
  const mountPoints = await candidates(probe);
  const media: RemovableMedium[] = [];
  for (const mountPoint of mountPoints) {
    try {
      const name = probe.platform === 'win32' ? mountPoint.slice(0, 2) : basename(mountPoint);
      media.push({ mountPoint, name, freeBytes: await probe.freeBytes(mountPoint) });
    } catch {
      continue;
    }
  }
  return media;
}

async function candidates(probe: MediaProbe): Promise<string[]> {
  switch (probe.platform) {
    case 'win32':
      return (await probe.removableDrives()).map((letter) => `${letter}\\`);
    case 'darwin': {
      const found: string[] = [];
      for (const name of await probe.subfolders('/Volumes')) {
        const path = join('/Volumes', name);
        if ((await probe.realpath(path).catch(() => '/')) !== '/') found.push(path);
      }
      return found;
    }
    default: {
      const mounted = await probe.mountPoints();
      const found: string[] = [];
      for (const base of ['/media', '/run/media']) {
        for (const entry of await probe.subfolders(base)) {
          const path = join(base, entry);
          if (mounted.has(path)) found.push(path);
          else for (const medium of await probe.subfolders(path)) if (mounted.has(join(path, medium))) found.push(join(path, medium));
        }
      }
      return found.sort();
    }
  }
}

/** The real machine. */
export const machineProbe: MediaProbe = {
  platform: process.platform,
  async subfolders(path) {
    try {
      return (await readdir(path, { withFileTypes: true })).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name);
    } catch {
      return [];
    }
  },
  async mountPoints() {
    const text = await readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
    // Field 5 is the mount point, with space, tab, newline and backslash as octal escapes (proc(5)).
    return new Set(text.split('\n').filter(Boolean).map((line) => line.split(' ')[4]!.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))));
  },
  realpath: (path) => realpath(path),
  async freeBytes(path) {
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  },
  removableDrives: () =>
    new Promise((resolve) => {
      const command = 'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | ForEach-Object { $_.DeviceID }';
      execFile('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command], { windowsHide: true, timeout: 10_000 }, (error, stdout) => {
        resolve(error ? [] : stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^[A-Z]:$/.test(l)));
      });
    }),
};

