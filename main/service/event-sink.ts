import type { EventName, EventPayload } from '../../shared/ipc/api-types.js';

/**
 * Sends an event of the contract to the renderer: over webContents.send in
 * Electron, into the page in the test bridge. Typed by the contract, so an
 * event cannot be sent that the renderer cannot subscribe to.
 */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
