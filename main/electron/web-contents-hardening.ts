import type { WebContents } from 'electron';
import { isAllowedNavigation } from './web-request-policy.js';

/** The parts of a WebContents the hardening touches (a stand-in can provide them in tests). */
export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'closeDevTools'>;

/**
 * Applied to every web contents the app creates (app 'web-contents-created'):
 * - navigation and redirects outside the app's origin are refused, in the
 *   main frame and in any subframe;
 * - new windows are refused (window.open, target=_blank): nothing is handed
 *   to the system browser either — the app never calls shell.openExternal;
 * - <webview> is refused before it attaches (webviewTag is off as well);
 * - outside development, DevTools are closed as soon as they open.
 */
export function hardenWebContents(contents: HardenableWebContents, policy: { development: boolean }): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!policy.development) contents.on('devtools-opened', () => contents.closeDevTools());
}
