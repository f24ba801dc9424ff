import type { Handlers } from '../../shared/ipc/api-types.js';
import type { RemovableMedium } from '../../shared/ipc/media-channels.js';

/** Handlers of the "media" channels. */
export function mediaService(listMedia: () => Promise<RemovableMedium[]>): Handlers['media'] {
  return {
    list: () => listMedia(),
  };
}
