import type { IpcRenderer } from 'electron';
import { eventChannel, invokeChannel, type ApiTransport } from '../../shared/ipc/api-shape.js';

/**
 * The preload's transport to main: ipcRenderer.invoke for requests, and event
 * listeners that hand the page the payload only — never the IpcRendererEvent,
 * whose `sender` would give the page ipcRenderer itself.
 */
export function ipcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): ApiTransport {
  return {
    invoke: (name, request) => ipc.invoke(invokeChannel(name), request),
    subscribe: (event, listener) => {
      const channel = eventChannel(event);
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  };
}
