import { apiShape, buildConclaveApi, type ApiShape } from '../../../shared/ipc/api-shape.js';

/** The Playwright binding the page's API calls; the bridge checks each call's frame before dispatching. */
export const BRIDGE_BINDING = '__conclaveBridge';
/** Where the bridge delivers events inside the page. */
export const BRIDGE_EVENTS = '__conclaveBridgeEvents';

/**
 * Runs in the page before any of its scripts (addInitScript): builds
 * `window.conclave` with the very function the preload uses
 * (shared/ipc/api-shape.ts), over the Playwright binding instead of
 * ipcRenderer. Self-contained: it is sent to the page as source text.
 */
function installConclaveApi(shape: ApiShape, build: typeof buildConclaveApi, binding: string, eventsName: string): void {
  const page = globalThis as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport = {
    invoke: (name: string, request: unknown) => (page[binding] as (n: string, r: unknown) => Promise<unknown>)(name, request),
    subscribe: (event: string, listener: (payload: unknown) => void) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
  Object.defineProperty(page, eventsName, {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });
  // Like contextBridge.exposeInMainWorld: a property the page cannot replace.
  Object.defineProperty(page, 'conclave', { value: build(shape, transport), enumerable: true });
}

/** The init script's source: the contract's shape and the preload's own builder, as text for the page. */
export function pageApiScript(): string {
  return `(${installConclaveApi.toString()})(${JSON.stringify(apiShape())}, ${buildConclaveApi.toString()}, ${JSON.stringify(BRIDGE_BINDING)}, ${JSON.stringify(BRIDGE_EVENTS)});`;
}
