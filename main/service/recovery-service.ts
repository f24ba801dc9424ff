import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/ipc/api-types.js';
import type { PracticeRooms } from './practice-rooms.js';
import { RecoveryRequestError, RecoverySession } from './recovery-session.js';

/** Handlers of the "recovery" channels: one recovery at a time. */
export function recoveryService(practice: PracticeRooms): Handlers['recovery'] {
  let session: RecoverySession | undefined;
  const current = (): RecoverySession => {
    if (!session) throw new RecoveryRequestError('recovery.not-open', 'No recovery is open: choose the bundle whose backup is to be recovered first.');
    return session;
  };
  return {
    open: async ({ bundleDir }) => {
      if (!isAbsolute(bundleDir)) throw new RecoveryRequestError('recovery.bundle-failed', `Give the bundle folder's full path, not "${bundleDir}".`);
      session?.discard();
      session = undefined;
      session = await RecoverySession.open(bundleDir);
      return session.state();
    },
    offer: ({ words }) => current().offer(words),
    offerSealedFile: ({ path, passphrase }) => {
      if (!isAbsolute(path)) throw new RecoveryRequestError('recovery.file-unreadable', `Give the sealed share file's full path, not "${path}".`);
      return current().offerSealedFile(path, passphrase);
    },
    restore: async () => {
      const outcome = await current().restore(practice);
      session = undefined;
      return outcome;
    },
    close: async () => {
      session?.discard();
      session = undefined;
      return null;
    },
  };
}
