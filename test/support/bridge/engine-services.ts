import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import type { EventSink } from '../../../main/service/event-sink.js';
import { RendererHost } from '../../../main/service/renderer-host.js';
import { createServices } from '../../../main/service/services.js';
import { SOFTHSM_MODULE } from '../softhsm.js';

const PACKAGE = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { productName: string; version: string };

/** The engine behind a bridged page: the real handlers, and the runner's host the page answers. */
export interface BridgedEngine {
  handlers: Handlers;
  host: RendererHost;
}

export interface BridgedEngineOptions {
  /** The PKCS#11 module; SoftHSM's by default. */
  modulePath?: string;
  /**
   * The "removable drives" the page sees, e.g. a temporary folder standing in
   * for a USB stick. None by default: a test never writes to a real drive.
   */
  listMedia?: () => Promise<RemovableMedium[]>;
}

/**
 * The real handlers of main/service, as the Electron shell builds them, on
 * SoftHSM (the token store of test/support/softhsm.ts). Use with launchBridge:
 * `services: (emit) => (engine = bridgedEngine(emit)).handlers`.
 */
export function bridgedEngine(emit: EventSink, options: BridgedEngineOptions = {}): BridgedEngine {
  const modulePath = options.modulePath ?? SOFTHSM_MODULE;
  const listMedia = options.listMedia ?? (async () => []);
  const host = new RendererHost(emit, listMedia);
  const handlers = createServices({
    app: { name: PACKAGE.productName, version: PACKAGE.version, rehearsalModulePath: SOFTHSM_MODULE },
    modulePath: () => modulePath,
    listMedia,
    host,
  });
  return { handlers, host };
}
