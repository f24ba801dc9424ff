import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The web preferences of every window, written out in full even where they
 * are Electron's defaults: the static security tests read them from here, and
 * a future default change cannot loosen them silently.
 */
export function secureWebPreferences(options: { preload?: string; development: boolean }): WebPreferences {
  return {
    ...(options.preload === undefined ? {} : { preload: options.preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    plugins: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click on a link would ask for a new window (refused anyway): do not even ask.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    devTools: options.development,
  };
}

/** The main window: the wizard, which also shows custodians their shares. */
export function mainWindowOptions(options: { preload: string; development: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Conclave',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options),
  };
}

/**
 * A hidden window that renders one print view for the printer or a PDF. It
 * gets no preload and no JavaScript: a print view is HTML and CSS only.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { ...secureWebPreferences({ development: false }), javascript: false },
  };
}
