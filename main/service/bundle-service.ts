import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { BundleCopy, BundleVerification } from '../../shared/ipc/bundle-channels.js';
import type { RemovableMedium } from '../../shared/ipc/media-channels.js';
import { SUMS_FILE } from '../bundle/bundle-path.js';
import { exportBundle } from '../bundle/export-bundle.js';
import { parseSums } from '../bundle/sha256sums.js';
import { verifyBundle } from '../bundle/verify-bundle.js';

/** Refused request of the bundle channels. */
export class BundleRequestError extends Error {
  override readonly name = 'BundleRequestError';

  constructor(
    readonly code: 'bundle.path-not-absolute' | 'bundle.medium-unknown',
    message: string,
  ) {
    super(message);
  }
}

/** Handlers of the "bundle" channels. `listMedia`: the removable drives mounted now. */
export function bundleService(listMedia: () => Promise<RemovableMedium[]>): Handlers['bundle'] {
  return {
    verify: async ({ path }): Promise<BundleVerification> => {
      if (!isAbsolute(path)) throw new BundleRequestError('bundle.path-not-absolute', `Give the bundle folder's full path, not "${path}".`);
      const report = await verifyBundle(path);
      return { bundle: report.bundle, verdict: report.verdict, checks: report.checks.map(({ name, status, detail }) => ({ name, status, detail })) };
    },
    export: async ({ bundleDir, mountPoint }): Promise<BundleCopy> => {
      if (!isAbsolute(bundleDir)) throw new BundleRequestError('bundle.path-not-absolute', `Give the bundle folder's full path, not "${bundleDir}".`);
      // The screen names a drive; main writes only to one that is a removable drive mounted now.
      if (!(await listMedia()).some((m) => m.mountPoint === mountPoint)) {
        throw new BundleRequestError('bundle.medium-unknown', `${mountPoint} is not a removable drive mounted now. Plug the USB stick in and choose it from the list.`);
      }
      const copy = await exportBundle(bundleDir, mountPoint);
      // exportBundle read every file back and compared it; the list says which, with the hash each matched.
      const sums = parseSums(await readFile(join(copy.path, SUMS_FILE), 'utf8'));
      const files = sums.ok ? sums.entries.map((e) => ({ path: e.path, sha256: e.sha256 })) : [];
      return { path: copy.path, files, bytes: copy.bytes };
    },
  };
}
