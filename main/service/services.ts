import type { Handlers } from '../../shared/ipc/api-types.js';
import type { RemovableMedium } from '../../shared/ipc/media-channels.js';
import { appService, type AppFacts } from './app-service.js';
import { bundleService } from './bundle-service.js';
import { hostService } from './host-service.js';
import { hsmService } from './hsm-service.js';
import { mediaService } from './media-service.js';
import type { RendererHost } from './renderer-host.js';
import { scriptService } from './script-service.js';

/** What the handlers need from whoever hosts them (the Electron shell, the test bridge). */
export interface ServiceContext {
  app: AppFacts;
  /** The PKCS#11 module of the room: the opened script's, or SoftHSM's for a rehearsal. */
  modulePath: () => string;
  /** The removable drives mounted now (main/bundle/removable-media.ts on a real machine). */
  listMedia: () => Promise<RemovableMedium[]>;
  /** The runner's host whose questions the screen answers. */
  host: RendererHost;
}

/**
 * Every handler of the contract, host-agnostic: the Electron shell registers
 * them on ipcMain, the test bridge calls them from Playwright. The type makes
 * a missing or extra channel a compile error.
 */
export function createServices(context: ServiceContext): Handlers {
  return {
    app: appService(context.app),
    hsm: hsmService(context.modulePath),
    script: scriptService(),
    bundle: bundleService(),
    media: mediaService(context.listMedia),
    host: hostService(context.host),
  };
}
