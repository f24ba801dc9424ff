import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { ScriptCheck } from '../../shared/ipc/script-channels.js';
import { loadScript } from '../ceremony/script/load-script.js';
import { ScriptError } from '../ceremony/script/script-error.js';

/** Refused request of the script channels. */
export class ScriptRequestError extends Error {
  override readonly name = 'ScriptRequestError';
  readonly code = 'script.path-not-absolute';
}

/** Handlers of the "script" channels. */
export function scriptService(): Handlers['script'] {
  return {
    check: async ({ path }): Promise<ScriptCheck> => {
      // A relative path would be read against main's working directory, which the screen knows nothing of.
      if (!isAbsolute(path)) throw new ScriptRequestError(`Give the script's full path, not "${path}".`);
      try {
        const loaded = await loadScript(path);
        return { valid: true, file: loaded.file, sha256: loaded.sha256, plan: loaded.plan };
      } catch (error) {
        // A script with problems is an answer to show, line by line; an unreadable one is an error.
        if (error instanceof ScriptError && error.code === 'SCRIPT_INVALID') return { valid: false, file: path, problems: [...error.problems] };
        throw error;
      }
    },
  };
}
