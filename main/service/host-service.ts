import type { Handlers } from '../../shared/ipc/api-types.js';
import type { RendererHost } from './renderer-host.js';

/** Handlers of the "host" channels: the screen's answers to the runner's questions. */
export function hostService(host: RendererHost): Handlers['host'] {
  return {
    pending: async () => host.pending(),
    acknowledge: async ({ id }) => {
      await host.answer(id, { kind: 'acknowledge' });
      return null;
    },
    confirm: async ({ id, typed }) => {
      await host.answer(id, { kind: 'confirm', typed });
      return null;
    },
    shareHidden: async ({ id }) => {
      await host.answer(id, { kind: 'share-hidden' });
      return null;
    },
    printCard: async ({ id }) => {
      await host.printCard(id);
      return null;
    },
    shareEntered: async ({ id, words }) => {
      await host.answer(id, { kind: 'share-entered', words });
      return null;
    },
    pin: async ({ id, pin }) => {
      await host.answer(id, { kind: 'pin', pin });
      return null;
    },
    passphrase: async ({ id, passphrase, repeated }) => {
      await host.answer(id, { kind: 'passphrase', passphrase, repeated });
      return null;
    },
    showAgain: async ({ id, reason }) => {
      await host.answer(id, { kind: 'show-again', reason });
      return null;
    },
    mediaChosen: async ({ id, mountPoint }) => {
      await host.answer(id, { kind: 'media', mountPoint });
      return null;
    },
    decline: async ({ id, reason }) => {
      host.decline(id, reason);
      return null;
    },
  };
}
