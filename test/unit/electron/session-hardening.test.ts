import { describe, expect, it, vi } from 'vitest';
import { hardenSession, type HardenableSession } from '../../../main/electron/session-hardening.js';

type Handler = (...args: never[]) => unknown;

/** A stand-in Session that records the handlers the hardening installs. */
function standInSession() {
  const installed: Record<string, Handler> = {};
  const listeners: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (installed.permissionRequest = h),
    setPermissionCheckHandler: (h: Handler) => (installed.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => (installed.devicePermission = h),
    setDisplayMediaRequestHandler: (h: Handler) => (installed.displayMedia = h),
    setSpellCheckerEnabled: vi.fn(),
    on: (event: string, h: Handler) => (listeners[event] = h),
    webRequest: { onBeforeRequest: (h: Handler) => (installed.beforeRequest = h) },
  };
  return { session, installed, listeners };
}

function hardened(development = false) {
  const s = standInSession();
  hardenSession(s.session as unknown as HardenableSession, { development });
  return s;
}

/** What the web-request listener answers for `url`. */
function answerFor(installed: Record<string, Handler>, url: string): unknown {
  let answer: unknown;
  (installed.beforeRequest as unknown as (d: { url: string }, cb: (r: unknown) => void) => void)({ url }, (r) => (answer = r));
  return answer;
}

describe('the hardened session', () => {
  it.each(['media', 'notifications', 'openExternal', 'geolocation', 'clipboard-read', 'fullscreen', 'unknown'])('denies the %s permission request', (permission) => {
    const { installed } = hardened();
    const callback = vi.fn();
    (installed.permissionRequest as unknown as (w: unknown, p: string, cb: (granted: boolean) => void) => void)({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(['media', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read'])('answers no to a %s permission check', (permission) => {
    const { installed } = hardened();
    expect((installed.permissionCheck as unknown as (w: unknown, p: string) => boolean)(null, permission)).toBe(false);
  });

  it('denies HID, serial and USB devices', () => {
    const { installed } = hardened();
    expect((installed.devicePermission as unknown as (d: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('denies screen capture', () => {
    const { installed } = hardened();
    const callback = vi.fn();
    (installed.displayMedia as unknown as (r: unknown, cb: (s: unknown) => void) => void)({}, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({});
  });

  it('turns the spellchecker off', () => {
    const { session } = hardened();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/', 'wss://example.com/', 'file:///etc/passwd', 'ftp://example.com/', 'app://conclave.evil/x.js', 'app://evil/index.html', 'devtools://devtools/bundled/inspector.html', 'chrome-extension://abc/x.js'])(
    'cancels a request to %s',
    (url) => {
      expect(answerFor(hardened().installed, url)).toEqual({ cancel: true });
    },
  );

  it.each(['app://conclave/index.html', 'app://conclave/assets/index-abc.js', 'data:image/png;base64,AAAA'])('lets a request to %s through', (url) => {
    expect(answerFor(hardened().installed, url)).toEqual({ cancel: false });
  });

  it('lets DevTools load their own pages in development only', () => {
    expect(answerFor(hardened(true).installed, 'devtools://devtools/bundled/inspector.html')).toEqual({ cancel: false });
  });

  it('refuses downloads', () => {
    const { listeners } = hardened();
    const event = { preventDefault: vi.fn() };
    (listeners['will-download'] as unknown as (e: typeof event) => void)(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
