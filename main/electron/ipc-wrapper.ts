import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiShape, channelName, invokeChannel } from '../../shared/ipc/api-shape.js';
import type { Handlers } from '../../shared/ipc/api-types.js';
import { failure } from '../../shared/result.js';
import { dispatch } from '../service/dispatch.js';
import { isAppUrl } from './app-origin.js';

/** What the sender check reads from an IPC event. */
export type IpcSender = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { id: number } };

/**
 * Trusts a message only from the main frame of a window the app created, with
 * that frame showing the app's own origin (Electron security checklist, "Validate
 * the sender of all IPC messages"). A subframe, a page navigated elsewhere, a
 * frame already gone (senderFrame null) or a web contents the app did not
 * create is refused.
 */
export function trustedSender(appWindows: { has(webContentsId: number): boolean }): (event: IpcSender) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!appWindows.has(event.sender.id)) return false;
    return isAppUrl(frame.url);
  };
}

/**
 * The one place IPC requests enter main: one ipcMain handler per channel of
 * the contract, each checking the sender first, then handing the request to
 * dispatch(), which validates it against the channel's schema before the
 * handler runs and turns a thrown error into an error value.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrusted: (event: IpcSender) => boolean): void {
  for (const { group, method } of apiShape().channels) {
    const name = channelName(group, method);
    ipcMain.handle(invokeChannel(name), async (event, request: unknown) => {
      if (!isTrusted(event)) {
        return failure('ipc.untrusted-sender', `A request for "${name}" came from a page that is not Conclave's own window; it was refused.`);
      }
      return dispatch(handlers, name, request);
    });
  }
}
