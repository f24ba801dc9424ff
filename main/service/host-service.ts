import type { Handlers } from '../../shared/ipc/api-types.js';
import type { RendererHost } from './renderer-host.js';

/** Handlers of the "host" channels: the screen's answers to the runner's questions. */
export function hostService(host: RendererHost): Handlers['host'] {
  return {
    pending: async () => host.pending(),
    acknowledge: async ({ id }) => {
      host.answer(id, { kind: 'acknowledge' });
      return null;
    },
    confirm: async ({ id, typed }) => {
      host.answer(id, { kind: 'confirm', typed });
      return null;
    },
    shareReceived: async ({ id, words }) => {
      host.answer(id, { kind: 'share-received', words });
      return null;
    },
    shareEntered: async ({ id, words }) => {
      host.answer(id, { kind: 'share-entered', words });
      return null;
    },
    pin: async ({ id, pin }) => {
      host.answer(id, { kind: 'pin', pin });
      return null;
    },
    decline: async ({ id, reason }) => {
      host.decline(id, reason);
      return null;
    },
  };
}
