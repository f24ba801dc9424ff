import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiShape, channelName, invokeChannel } from '../../../shared/ipc/api-shape.js';
import { APP_SCHEME_PRIVILEGES } from '../../../main/electron/app-protocol.js';
import type { PracticeRooms } from '../../../main/service/practice-rooms.js';

/**
 * A stand-in for the 'electron' module that records, in order, what the main
 * process asks of it. Enough of Electron for main/electron/app.ts to run
 * under Node, so its wiring is checked where no Electron binary exists.
 */
function standInElectron(options: { firstInstance: boolean }) {
  const calls: string[] = [];
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  const windows: StandInWindow[] = [];
  const ipcChannels: string[] = [];
  const session = {
    setPermissionRequestHandler: () => calls.push('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => calls.push('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => calls.push('session.setDevicePermissionHandler'),
    setDisplayMediaRequestHandler: () => calls.push('session.setDisplayMediaRequestHandler'),
    setSpellCheckerEnabled: (on: boolean) => calls.push(`session.setSpellCheckerEnabled(${on})`),
    on: (event: string) => calls.push(`session.on(${event})`),
    webRequest: { onBeforeRequest: () => calls.push('session.webRequest.onBeforeRequest') },
  };
  class StandInWindow {
    readonly webContents = { id: windows.length + 1, on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn(), isDestroyed: () => false };
    readonly contentProtection: boolean[] = [];
    loaded: string | undefined;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    setContentProtection(on: boolean) {
      this.contentProtection.push(on);
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      this.loaded = url;
    }
  }
  const electron = {
    app: {
      isPackaged: true,
      enableSandbox: () => calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), options.firstInstance),
      quit: () => calls.push('app.quit'),
      on: (event: string, listener: (...args: unknown[]) => unknown) => listeners.set(event, listener),
      whenReady: async () => {
        calls.push('app.whenReady');
      },
      getName: () => 'Conclave',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => calls.push(`protocol.handle(${scheme})`),
    },
    session: { defaultSession: session },
    ipcMain: { handle: (channel: string) => ipcChannels.push(channel) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => calls.push('Menu.setApplicationMenu') },
    BrowserWindow: StandInWindow,
  };
  return { electron, calls, listeners, windows, ipcChannels };
}

describe('the main process wiring (main/electron/app.ts, under a stand-in Electron)', () => {
  let stop: (() => void) | undefined;

  beforeEach(() => {
    vi.resetModules();
  });

  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.doUnmock('electron');
  });

  async function start(firstInstance = true) {
    const stand = standInElectron({ firstInstance });
    vi.doMock('electron', () => stand.electron);
    await import('../../../main/electron/app.js');
    const willQuit = stand.listeners.get('will-quit') as ((event: { preventDefault(): void }) => void) | undefined;
    stop = willQuit && (() => willQuit({ preventDefault() {} }));
    return stand;
  }

  it("registers app:// as privileged and turns the sandbox on before waiting for 'ready'", async () => {
    const { calls } = await start();
    const ready = calls.indexOf('app.whenReady');
    expect(calls.indexOf(`protocol.registerSchemesAsPrivileged ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`)).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf(`protocol.registerSchemesAsPrivileged ${JSON.stringify([APP_SCHEME_PRIVILEGES])}`)).toBeLessThan(ready);
    expect(calls.indexOf('app.enableSandbox')).toBeLessThan(ready);
  });

  it('hardens the session, then serves app:// and registers IPC, before the window opens', async () => {
    const { calls } = await start();
    const window = calls.indexOf('new BrowserWindow');
    for (const call of ['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.webRequest.onBeforeRequest', 'session.setSpellCheckerEnabled(false)', 'protocol.handle(app)']) {
      expect(calls.indexOf(call), call).toBeGreaterThanOrEqual(0);
      expect(calls.indexOf(call), call).toBeLessThan(window);
    }
  });

  it('handles exactly the channels of the contract', async () => {
    const { ipcChannels } = await start();
    expect(ipcChannels.sort()).toEqual(apiShape().channels.map(({ group, method }) => invokeChannel(channelName(group, method))).sort());
  });

  it('opens one window on app://conclave with the preload bundle, content protection on', async () => {
    const { windows } = await start();
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.loaded).toBe('app://conclave/index.html');
    expect(window!.contentProtection).toEqual([true]);
    // dist/main/electron/app.js → dist/preload/preload.cjs (the sandbox-ready CommonJS bundle).
    expect(String(window!.options.webPreferences?.preload)).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
    expect(window!.options.webPreferences?.devTools).toBe(false);
  });

  it('hardens every web contents the app creates', async () => {
    const { listeners } = await start();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), closeDevTools: vi.fn() };
    listeners.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.on.mock.calls.map(([event]) => event)).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'devtools-opened']));
  });

  it('on quitting, holds the quit until the ceremony run has stopped and the practice tokens are deleted, then quits', async () => {
    const { calls, listeners } = await start();
    const willQuit = listeners.get('will-quit') as (event: { preventDefault(): void }) => void;
    const held = vi.fn();
    willQuit({ preventDefault: held });
    expect(held).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(calls.filter((c) => c === 'app.quit')).toHaveLength(1));
    // The second will-quit, from that app.quit, lets the app go.
    const again = vi.fn();
    willQuit({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();
    stop = undefined;
  });

  it('on quitting, deletes the practice token stores the app made (folders and PINs) before it quits', async () => {
    const made: PracticeRooms[] = [];
    vi.doMock('../../../main/service/practice-rooms.js', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../../main/service/practice-rooms.js')>();
      // The app's own PracticeRooms, recorded so the test can open a store in it as a rehearsal does.
      class RecordedPracticeRooms extends real.PracticeRooms {
        constructor() {
          super();
          made.push(this);
        }
      }
      return { ...real, PracticeRooms: RecordedPracticeRooms };
    });
    try {
      const { calls, listeners } = await start();
      expect(made).toHaveLength(1);
      const store = made[0]!.open(['quit-practice']);
      expect(existsSync(store.dir)).toBe(true);
      const willQuit = listeners.get('will-quit') as (event: { preventDefault(): void }) => void;
      willQuit({ preventDefault: vi.fn() });
      await vi.waitFor(() => expect(calls.filter((c) => c === 'app.quit')).toHaveLength(1));
      expect(existsSync(store.dir)).toBe(false);
      expect(made[0]!.has(store.conf)).toBe(false);
      stop = undefined;
    } finally {
      vi.doUnmock('../../../main/service/practice-rooms.js');
    }
  });

  it('quits a second instance without opening a window', async () => {
    const { calls, windows } = await start(false);
    expect(calls).toContain('app.quit');
    expect(windows).toHaveLength(0);
    expect(calls).not.toContain('app.whenReady');
  });
});
