/**
 * The app's own origin. The renderer is served from app://conclave/ by a
 * protocol handler (app-protocol.ts), not from file://, so it has a real
 * origin that the CSP, the web-request filter, navigation and the IPC sender
 * check can all name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'conclave';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` belongs to the app's origin. Parsed, never compared as a
 * string prefix: "app://conclave.evil/" must not pass.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A custom scheme's URL.origin is "null" in WHATWG terms: compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
