import type { WebContents } from 'electron';
import { eventChannel } from '../../shared/ipc/api-shape.js';
import type { EventSink } from '../service/event-sink.js';

/** Sends each event of the contract to every live window of the app. */
export function createEventSink(targets: () => Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>): EventSink {
  return (event, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(eventChannel(event), payload);
    }
  };
}
