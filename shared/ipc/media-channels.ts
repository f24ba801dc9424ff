import { z } from 'zod';
import { channel, event } from './channel.js';

/** A mounted removable drive (a USB stick) a bundle can be copied to. */
export interface RemovableMedium {
  /** Where it is mounted: /media/alice/STICK, /Volumes/STICK, E:\ */
  mountPoint: string;
  /** Its name as the desktop shows it. */
  name: string;
  /** Bytes still free for the app to write. */
  freeBytes: number;
}

/** Channels about removable media. */
export const mediaChannels = {
  /** The removable drives mounted now, with their free space. */
  list: channel<RemovableMedium[]>()(z.strictObject({})),
};

/** Events about removable media. */
export const mediaEvents = {
  /** A drive was plugged in or removed: the whole list as it is now. */
  'media.changed': event<{ media: RemovableMedium[] }>(),
};
