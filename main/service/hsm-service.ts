import type { Handlers } from '../../shared/ipc/api-types.js';
import type { HsmToken, HsmTokenList } from '../../shared/ipc/hsm-channels.js';
import { Hsm } from '../hsm/hsm.js';
import type { TokenInfo } from '../hsm/token-info.js';

/** Handlers of the "hsm" channels. `modulePath` is the room's module, decided in main. */
export function hsmService(modulePath: () => string): Handlers['hsm'] {
  return {
    listTokens: async (): Promise<HsmTokenList> => {
      const path = modulePath();
      // A handle per call: the module stays initialised while the runner holds
      // its own handle, and is re-read (new tokens seen) when nobody does.
      const hsm = await Hsm.open({ modulePath: path });
      try {
        return { modulePath: path, tokens: hsm.tokens().map(toHsmToken) };
      } finally {
        await hsm.close();
      }
    },
  };
}

/** The public identity of a token, as the screen shows it. */
export function toHsmToken(info: TokenInfo): HsmToken {
  const f = info.flags;
  return {
    label: info.label,
    manufacturer: info.manufacturer,
    model: info.model,
    serial: info.serial,
    firmwareVersion: info.firmwareVersion,
    hardwareVersion: info.hardwareVersion,
    slotDescription: info.slotDescription,
    loginRequired: f.loginRequired,
    initialized: f.tokenInitialized,
    pin: f.userPinLocked ? 'locked' : f.userPinFinalTry ? 'final-try' : f.userPinCountLow ? 'count-low' : 'ok',
  };
}
