import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built from Electron's roles only. Electron's default
 * menu has Help items that open web pages with shell.openExternal; this app
 * opens nothing outside itself, so it gets its own menu: editing (copy and
 * paste in text fields, needed on macOS), the window, and — in development
 * only — the View menu with reload and DevTools.
 */
export function applicationMenuTemplate(options: { development: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
    ...(options.development ? [{ role: 'viewMenu' as const }] : []),
    { role: 'windowMenu' },
  ];
}
