import { describe, expect, it, vi } from 'vitest';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import { watchRemovableMedia } from '../../../main/service/media-watch.js';

const STICK: RemovableMedium = { mountPoint: '/media/witness/CEREMONY-1', name: 'CEREMONY-1', freeBytes: 8_000_000_000 };

describe('watching removable drives', () => {
  it('sends the list at start, and again only when it changes', async () => {
    vi.useFakeTimers();
    try {
      let drives: RemovableMedium[] = [];
      const emit = vi.fn();
      const stop = watchRemovableMedia(async () => drives, emit, 1000);
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(3000);
      expect(emit.mock.calls).toEqual([['media.changed', { media: [] }]]);
      drives = [STICK];
      await vi.advanceTimersByTimeAsync(1000);
      expect(emit.mock.calls.at(-1)).toEqual(['media.changed', { media: [STICK] }]);
      expect(emit).toHaveBeenCalledTimes(2);
      stop();
      drives = [];
      await vi.advanceTimersByTimeAsync(5000);
      expect(emit).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps watching after a listing fails', async () => {
    vi.useFakeTimers();
    try {
      let fail = true;
      const emit = vi.fn();
      const stop = watchRemovableMedia(async () => {
        if (fail) throw new Error('EIO');
        return [STICK];
      }, emit, 1000);
      await vi.advanceTimersByTimeAsync(0);
      expect(emit).not.toHaveBeenCalled();
      fail = false;
      await vi.advanceTimersByTimeAsync(1000);
      expect(emit).toHaveBeenCalledExactlyOnceWith('media.changed', { media: [STICK] });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
