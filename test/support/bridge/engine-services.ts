import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import type { EventSink } from '../../../main/service/event-sink.js';
import type { CeremonyRuns } from '../../../main/service/ceremony-runs.js';
import { PracticeRooms } from '../../../main/service/practice-rooms.js';
import { RendererHost } from '../../../main/service/renderer-host.js';
import { createCeremonyRuns, createServices } from '../../../main/service/services.js';
import { SOFTHSM_MODULE } from '../softhsm.js';

const PACKAGE = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { productName: string; version: string };

/** The engine behind a bridged page: the real handlers, and the runner's host the page answers. */
export interface BridgedEngine {
  handlers: Handlers;
  host: RendererHost;
  /** The ceremony runs behind the ceremony.* channels: `shutdown` stops the engine under the page. */
  ceremonies: CeremonyRuns;
}

export interface BridgedEngineOptions {
  /** The PKCS#11 module; SoftHSM's by default. */
  modulePath?: string;
  /**
   * The "removable drives" the page sees, e.g. a temporary folder standing in
   * for a USB stick. None by default: a test never writes to a real drive.
   */
  listMedia?: () => Promise<RemovableMedium[]>;
  /** The app's data folder (the ledger of interrupted ceremonies); a new temporary one by default, never the user's. */
  dataDir?: string;
  /**
   * Practice token stores of rehearsals. Give the same one to an engine started
   * again in the same process (a restart under the page), so a stopped
   * rehearsal resumes on its throwaway token, as it would in the app.
   */
  practice?: PracticeRooms;
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
  const practice = options.practice ?? new PracticeRooms();
  const context = { modulePath: () => modulePath, host };
  const ceremonies = createCeremonyRuns(context, practice, options.dataDir ?? mkdtempSync(join(tmpdir(), 'conclave-app-data-')));
  const handlers = createServices({
    app: { name: PACKAGE.productName, version: PACKAGE.version, rehearsalModulePath: SOFTHSM_MODULE },
    ...context,
    listMedia,
    ceremonies,
    practice,
  });
  return { handlers, host, ceremonies };
}
