import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs mounted for a test, to meet a really full or really read-only
 * file system (root ignores chmod, so a read-only folder needs a read-only
 * mount). Where mounting is refused (no CAP_SYS_ADMIN, not Linux) tests fall
 * back to faults injected through the BundleFileSystem.
 */
export interface ScratchMount {
  dir: string;
  remountReadOnly(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `size` (e.g. "64k"), or returns undefined when this machine does not let the test mount. */
export function tryMountTmpfs(size: string): ScratchMount | undefined {
  if (process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'conclave-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    remountReadOnly: () => void execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine lets the tests mount a tmpfs (decides which path the full/read-only tests take). */
export function canMount(): boolean {
  const mount = tryMountTmpfs('16k');
  mount?.unmount();
  return mount !== undefined;
}
