import type { ConclaveApi } from './api-types.js';
import { contract, events } from './contract.js';

/** The names the renderer's API is built from: every channel and every event of the contract. */
export interface ApiShape {
  channels: { group: string; method: string }[];
  events: string[];
}

/** How a channel is named: "<group>.<method>". */
export function channelName(group: string, method: string): string {
  return `${group}.${method}`;
}

/**
 * The Electron IPC channel a request travels on. The prefix keeps ours apart
 * from Electron's internal channels and lets the main side refuse anything else.
 */
export function invokeChannel(name: string): string {
  return `conclave:${name}`;
}

/** The Electron IPC channel an event travels on. */
export function eventChannel(name: string): string {
  return `conclave:event:${name}`;
}

/** The contract's shape: read from the contract object, never written by hand. */
export function apiShape(): ApiShape {
  return {
    channels: Object.entries(contract).flatMap(([group, methods]) => Object.keys(methods).map((method) => ({ group, method }))),
    events: Object.keys(events),
  };
}

/** How the API reaches main: Electron's ipcRenderer in the preload, a Playwright binding in the test bridge. */
export interface ApiTransport {
  invoke(name: string, request: unknown): Promise<unknown>;
  /** Calls `listener` with each payload of `event` (never an IPC event object) until unsubscribed. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.conclave` from the contract's shape: exactly one function per
 * channel and `on` for events, frozen. A call never rejects: a transport
 * failure becomes an error value like any other.
 *
 * It references nothing outside its own body, on purpose: the preload bundles
 * it, and the test bridge injects this very function's source into the page,
 * so the renderer meets the same object under Electron and under the bridge.
 */
export function buildConclaveApi(shape: ApiShape, transport: ApiTransport): ConclaveApi {
  const api: Record<string, unknown> = {};
  const groups: Record<string, Record<string, unknown>> = {};
  for (const { group, method } of shape.channels) {
    const methods = (groups[group] ??= {});
    const name = `${group}.${method}`;
    methods[method] = (request: unknown) =>
      transport.invoke(name, request).catch(() => ({
        ok: false,
        error: { code: 'ipc.unavailable', message: `The engine did not answer "${name}". Restart Conclave; the ceremony can be resumed.` },
      }));
  }
  for (const [group, methods] of Object.entries(groups)) api[group] = Object.freeze(methods);
  const known = new Set(shape.events);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!known.has(event)) throw new TypeError(`Conclave has no event "${event}".`);
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
    return transport.subscribe(event, listener);
  };
  return Object.freeze(api) as unknown as ConclaveApi;
}
