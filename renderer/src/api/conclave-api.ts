import type { ConclaveApi } from '../../../shared/ipc/api-types.js';

declare global {
  interface Window {
    /** Put there by the preload (in the app) or by the test bridge (in Chromium): the same object either way. */
    readonly conclave?: ConclaveApi;
  }
}

/**
 * The typed API to the engine: one method per channel of the IPC contract
 * (shared/ipc/contract.ts), each resolving with a result value, and `on` for
 * events. Undefined when the page runs outside Conclave (opened as a file).
 */
export function findConclaveApi(): ConclaveApi | undefined {
  return window.conclave;
}

export type { ConclaveApi };
