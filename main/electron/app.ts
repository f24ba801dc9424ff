/**
 * The Electron main process: the only place the engine meets Electron. Every
 * item of Electron's security checklist is applied here or in the modules it
 * calls; docs/security.md lists each with where it is enforced and tested.
 */
import './before-ready.js';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import { listRemovableMedia } from '../bundle/removable-media.js';
import { defaultModulePath } from '../hsm/default-module.js';
import { watchRemovableMedia } from '../service/media-watch.js';
import { PracticeRooms } from '../service/practice-rooms.js';
import { RendererHost } from '../service/renderer-host.js';
import { createCeremonyRuns, createServices } from '../service/services.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { createAppProtocolHandler, PrintDocuments } from './app-protocol.js';
import { applicationMenuTemplate } from './application-menu.js';
import { createEventSink } from './event-sender.js';
import { registerIpcHandlers, trustedSender } from './ipc-wrapper.js';
import { ElectronPrinter } from './print.js';
import { hardenSession } from './session-hardening.js';
import { hardenWebContents } from './web-contents-hardening.js';
import { mainWindowOptions } from './window-options.js';

// Built layout (npm run build): dist/main/electron/app.js, dist/preload/preload.cjs, dist/renderer/.
const RENDERER_DIR = join(import.meta.dirname, '..', '..', 'renderer');
const PRELOAD_PATH = join(import.meta.dirname, '..', '..', 'preload', 'preload.cjs');

/** DevTools and the View menu exist only when running from the source tree (`npm start`), never in a package. */
const development = !app.isPackaged;

/** The web contents ids of the windows this app created: the only IPC senders it trusts. */
const appWindowContents = new Set<number>();
const windows = new Set<BrowserWindow>();

// One instance: two windows driving one HSM and one transcript would race each other.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { development }));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  start();
}

function start(): void {
  hardenSession(session.defaultSession, { development });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ development, platform: process.platform })));
  const printDocuments = new PrintDocuments();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, printDocuments));
  const emit = createEventSink(() => [...windows].map((w) => w.webContents));
  const listMedia = () => listRemovableMedia();
  const host = new RendererHost(emit, listMedia);
  // The app owns its ceremony runs and the rehearsals' practice tokens, so it
  // can stop the one and delete the others when it quits.
  const practice = new PracticeRooms();
  const context = {
    modulePath: () => defaultModulePath(),
    host,
    // Documents print with Electron's own Chromium (printToPDF), not a second browser.
    printer: () => new ElectronPrinter(printDocuments),
  };
  const ceremonies = createCeremonyRuns(context, practice);
  const handlers = createServices({
    app: { name: app.getName(), version: app.getVersion(), rehearsalModulePath: defaultModulePath() },
    ...context,
    listMedia,
    ceremonies,
    practice,
  });
  registerIpcHandlers(ipcMain, handlers, trustedSender(appWindowContents));
  const stopWatchingMedia = watchRemovableMedia(listMedia, emit);
  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    // Quitting waits for the run to stop and release the HSM (the transcript
    // stays, for resume), then deletes the practice tokens and their PINs.
    event.preventDefault();
    stopWatchingMedia();
    void ceremonies
      .shutdown('Conclave is quitting.')
      .catch(() => undefined)
      .finally(() => {
        practice.removeAll();
        released = true;
        app.quit();
      });
  });
  openMainWindow(host);
}

function openMainWindow(host: RendererHost): void {
  // electronegativity: the options come from window-options.ts (contextIsolation and sandbox true, Auxclick disabled), which
  // test/unit/electron/window-options.test.ts asserts; the scanner cannot follow a function call. The preload is reviewed:
  // it exposes only the contract's API (test/unit/electron/preload.test.ts).
  const window = new BrowserWindow(mainWindowOptions({ preload: PRELOAD_PATH, development })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK PRELOAD_JS_CHECK
  // The custodian hand-off shows share words in this window: keep it out of screen captures and recordings.
  window.setContentProtection(true);
  const contentsId = window.webContents.id;
  appWindowContents.add(contentsId);
  windows.add(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    appWindowContents.delete(contentsId);
    windows.delete(window);
    host.close('The Conclave window was closed.');
  });
  void window.loadURL(APP_ENTRY_URL);
}
