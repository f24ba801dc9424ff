import type { RemovableMedium } from '../../shared/ipc/media-channels.js';
import type { EventSink } from './event-sink.js';

/** How often the drives are listed: a stick plugged in shows within two seconds. */
export const MEDIA_POLL_MS = 2000;

/**
 * Watches the removable drives and sends "media.changed" whenever the set of
 * drives (or their free space) differs from the last listing. Listing is
 * polled: no platform gives a portable mount notification to plain Node.
 * Returns the function that stops watching.
 */
export function watchRemovableMedia(listMedia: () => Promise<RemovableMedium[]>, emit: EventSink, intervalMs = MEDIA_POLL_MS): () => void {
  let last = '';
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async (): Promise<void> => {
    try {
      const media = await listMedia();
      const key = JSON.stringify(media);
      if (!stopped && key !== last) {
        last = key;
        emit('media.changed', { media });
      }
    } catch {
      // A listing that fails (a drive pulled out mid-read) is retried at the next poll.
    }
    if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
  };
  void poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
