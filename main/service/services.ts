import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { DocumentPrinter } from '../ceremony/runner/ceremony-printer.js';
import type { RemovableMedium } from '../../shared/ipc/media-channels.js';
import { appService, type AppFacts } from './app-service.js';
import { bundleService } from './bundle-service.js';
import { CeremonyLedger } from './ceremony-ledger.js';
import { CeremonyRuns } from './ceremony-runs.js';
import { ceremonyService } from './ceremony-service.js';
import { hostService } from './host-service.js';
import { hsmService } from './hsm-service.js';
import { mediaService } from './media-service.js';
import { PracticeRooms } from './practice-rooms.js';
import { recoveryService } from './recovery-service.js';
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
  /**
   * The app's ceremony runs; made here from the other fields when not given.
   * A host that must stop them (the app quitting, a test restarting the
   * engine) makes them itself with createCeremonyRuns.
   */
  ceremonies?: CeremonyRuns;
  /** Practice token stores of rehearsals; one per process. */
  practice?: PracticeRooms;
  /** A printer for each ceremony run (the app's prints with Electron's printToPDF); Chromium through Playwright when not given. */
  printer?: () => DocumentPrinter;
}

/** The app's data folder: the ledger of ceremonies to offer for resume lives there. */
export function defaultDataDir(): string {
  return join(homedir(), '.conclave');
}

/** The ceremony runs of an app whose handlers use `context`. `dataDir`: defaultDataDir() unless a test gives its own. */
export function createCeremonyRuns(context: Pick<ServiceContext, 'host' | 'modulePath' | 'printer'>, practice: PracticeRooms, dataDir = defaultDataDir()): CeremonyRuns {
  return new CeremonyRuns({
    screen: context.host,
    emit: context.host.emit,
    modulePath: context.modulePath,
    ledger: new CeremonyLedger(dataDir),
    practice,
    ...(context.printer ? { printer: context.printer } : {}),
  });
}

/**
 * Every handler of the contract, host-agnostic: the Electron shell registers
 * them on ipcMain, the test bridge calls them from Playwright. The type makes
 * a missing or extra channel a compile error.
 */
export function createServices(context: ServiceContext): Handlers {
  const practice = context.practice ?? new PracticeRooms();
  const ceremonies = context.ceremonies ?? createCeremonyRuns(context, practice);
  return {
    app: appService(context.app),
    hsm: hsmService(context.modulePath),
    script: scriptService(),
    bundle: bundleService(context.listMedia),
    media: mediaService(context.listMedia),
    host: hostService(context.host),
    ceremony: ceremonyService(ceremonies),
    recovery: recoveryService(practice),
  };
}
