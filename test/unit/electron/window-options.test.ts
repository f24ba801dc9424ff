import { describe, expect, it } from 'vitest';
import { mainWindowOptions, printWindowOptions } from '../../../main/electron/window-options.js';

const windows = {
  'main window (release)': mainWindowOptions({ preload: '/app/dist/preload/preload.cjs', development: false }),
  'main window (development)': mainWindowOptions({ preload: '/app/dist/preload/preload.cjs', development: true }),
  'print window': printWindowOptions(),
};

// Electron security checklist, items 2–4, 6, 8–10, 12: every window spells
// these out, whatever Electron's defaults are.
describe.each(Object.entries(windows))('the %s', (_name, options) => {
  const prefs = options.webPreferences ?? {};

  it('isolates the page from the preload and Electron (contextIsolation)', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('runs the renderer in the OS sandbox', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('gives no frame or worker Node.js', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security, refuses insecure content, experimental and Blink features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('has no <webview>, plugins or WebSQL', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
  });

  it('has the spellchecker off, no navigation by dropping a file, and no middle-click (auxclick) windows', () => {
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the default session (the hardened one) and no extra arguments', () => {
    expect(prefs.partition).toBeUndefined();
    expect(prefs.session).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });
});

describe('DevTools', () => {
  it('are off in a release build', () => {
    expect(windows['main window (release)'].webPreferences?.devTools).toBe(false);
    expect(windows['print window'].webPreferences?.devTools).toBe(false);
  });

  it('are available when running from the source tree', () => {
    expect(windows['main window (development)'].webPreferences?.devTools).toBe(true);
  });
});

describe('the windows', () => {
  it('load the preload only into the main window', () => {
    expect(windows['main window (release)'].webPreferences?.preload).toBe('/app/dist/preload/preload.cjs');
    expect(windows['print window'].webPreferences?.preload).toBeUndefined();
  });

  it('run no JavaScript in a print view', () => {
    expect(windows['print window'].webPreferences?.javascript).toBe(false);
  });

  it('open the main window hidden until its first paint', () => {
    expect(windows['main window (release)'].show).toBe(false);
  });
});
