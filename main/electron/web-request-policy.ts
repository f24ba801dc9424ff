import { isAppUrl } from './app-origin.js';

/**
 * Which requests the app's session lets through: the app's own origin, and
 * data: URLs (the CSP still limits those to images). In development the
 * DevTools' own pages too. Everything else — http(s), ws, file, ftp, other
 * custom schemes — is cancelled: the app never needs the network, and a
 * request it did not expect is a sign of injected content.
 */
export function isAllowedRequest(url: string, policy: { development: boolean }): boolean {
  if (isAppUrl(url)) return true;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'data:') return true;
  return policy.development && protocol === 'devtools:';
}

/**
 * Where a window may navigate: only within the app's origin (the single-page
 * renderer, or a reload of it). Links to anywhere else are refused, never
 * handed to the system browser (no shell.openExternal in this app).
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
