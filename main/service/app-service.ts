import { existsSync } from 'node:fs';
import type { AppInfo } from '../../shared/ipc/app-channels.js';
import type { Handlers } from '../../shared/ipc/api-types.js';

/** What the app's handlers know about the running application. */
export interface AppFacts {
  name: string;
  version: string;
  /** SoftHSM's module on this machine: what a rehearsal runs on. */
  rehearsalModulePath: string;
}

/** Handlers of the "app" channels. */
export function appService(facts: AppFacts): Handlers['app'] {
  return {
    info: async (): Promise<AppInfo> => {
      const available = existsSync(facts.rehearsalModulePath);
      return {
        name: facts.name,
        version: facts.version,
        rehearsal: available
          ? { available, modulePath: facts.rehearsalModulePath }
          : {
              available,
              modulePath: facts.rehearsalModulePath,
              reason: `SoftHSM, the practice HSM, is not installed (no ${facts.rehearsalModulePath}). Install it: sudo apt-get install softhsm2`,
            },
      };
    },
  };
}
