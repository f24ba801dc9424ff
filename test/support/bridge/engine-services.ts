import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/api-types.js';
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

/**
 * The real handlers of main/service, as the Electron shell builds them, on
 * SoftHSM (the token store of test/support/softhsm.ts). Use with launchBridge:
 * `services: (emit) => (engine = bridgedEngine(emit)).handlers`.
 */
export function bridgedEngine(emit: EventSink, options: { modulePath?: string } = {}): BridgedEngine {
  const modulePath = options.modulePath ?? SOFTHSM_MODULE;
  const host = new RendererHost(emit);
  const handlers = createServices({
    app: { name: PACKAGE.productName, version: PACKAGE.version, rehearsalModulePath: SOFTHSM_MODULE },
    modulePath: () => modulePath,
    host,
  });
  return { handlers, host };
}
