import { useEffect, useState } from 'react';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import type { ConclaveApi } from '../api/conclave-api.js';

/** The removable drives mounted now, kept up to date as sticks come and go ("media.changed"). */
export function useMedia(api: ConclaveApi, initial?: RemovableMedium[]): RemovableMedium[] | undefined {
  const [media, setMedia] = useState<RemovableMedium[] | undefined>(initial);
  useEffect(() => {
    let live = true;
    const stop = api.on('media.changed', ({ media: now }) => setMedia(now));
    void api.media.list({}).then((result) => {
      if (live && result.ok) setMedia(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return media;
}
