import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../../main/electron/application-menu.js';

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

describe('the application menu', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('on %s is made of Electron roles only: nothing of ours runs, nothing opens outside', (platform) => {
    for (const item of allItems(applicationMenuTemplate({ development: false, platform }))) {
      expect(item.click, item.label ?? item.role).toBeUndefined();
      expect(item.role).toBeDefined();
    }
  });

  it('has no View menu (reload, DevTools) in a release build', () => {
    expect(applicationMenuTemplate({ development: false, platform: 'linux' }).map((i) => i.role)).not.toContain('viewMenu');
  });

  it('has the View menu when running from the source tree', () => {
    expect(applicationMenuTemplate({ development: true, platform: 'linux' }).map((i) => i.role)).toContain('viewMenu');
  });

  it('has no Help menu: Electron\'s default one opens web pages', () => {
    expect(applicationMenuTemplate({ development: true, platform: 'darwin' }).map((i) => i.role)).not.toContain('help');
  });
});
