import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { BundleVerification } from '../../shared/ipc/bundle-channels.js';
import { verifyBundle } from '../bundle/verify-bundle.js';

/** Refused request of the bundle channels. */
export class BundleRequestError extends Error {
  override readonly name = 'BundleRequestError';
  readonly code = 'bundle.path-not-absolute';
}

/** Handlers of the "bundle" channels. */
export function bundleService(): Handlers['bundle'] {
  return {
    verify: async ({ path }): Promise<BundleVerification> => {
      if (!isAbsolute(path)) throw new BundleRequestError(`Give the bundle folder's full path, not "${path}".`);
      const report = await verifyBundle(path);
      return { bundle: report.bundle, verdict: report.verdict, checks: report.checks.map(({ name, status, detail }) => ({ name, status, detail })) };
    },
  };
}
