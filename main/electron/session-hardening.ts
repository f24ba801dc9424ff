import type { Session } from 'electron';
import { isAllowedRequest } from './web-request-policy.js';

/** The parts of a Session the hardening touches (a stand-in can provide them in tests). */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler' | 'setSpellCheckerEnabled' | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * Locks a session down before any window uses it:
 * - every permission request (camera, notifications, openExternal, …) and
 *   every permission check is denied — the app needs none, and Electron
 *   grants them all by default;
 * - HID, serial, USB and Bluetooth devices and screen capture are denied;
 * - the spellchecker is off (it would send typed words — names, share words
 *   — to a dictionary service, and needs a download);
 * - every request outside the app's own origin is cancelled (web-request-policy.ts);
 * - downloads are refused.
 */
export function hardenSession(session: HardenableSession, policy: { development: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Calling back with no video and no audio denies the capture request.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, policy) }));
  session.on('will-download', (event) => event.preventDefault());
}
