import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { CeremonyRuns } from './ceremony-runs.js';

/** A path the screen sent that is not absolute: read against main's working directory, it would mean nothing to the room. */
export class CeremonyPathError extends Error {
  override readonly name = 'CeremonyPathError';
  readonly code = 'ceremony.path-not-absolute';
}

function absolute(path: string, what: string): string {
  if (!isAbsolute(path)) throw new CeremonyPathError(`Give the ${what}'s full path, not "${path}".`);
  return path;
}

/** Handlers of the "ceremony" channels. */
export function ceremonyService(runs: CeremonyRuns): Handlers['ceremony'] {
  return {
    status: async () => runs.status(),
    rehearse: ({ scriptPath }) => runs.rehearse(scriptPath === undefined ? undefined : absolute(scriptPath, 'script')),
    start: ({ scriptPath, bundleDir }) => runs.start(absolute(scriptPath, 'script'), absolute(bundleDir, 'bundle folder')),
    resume: ({ bundleDir }) => runs.resume(absolute(bundleDir, 'bundle folder')),
    interrupted: () => runs.interrupted(),
    deviation: async ({ description, recordedBy }) => {
      await runs.recordDeviation(description, recordedBy);
      return null;
    },
    dismiss: async () => {
      runs.dismiss();
      return null;
    },
  };
}
