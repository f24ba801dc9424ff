import { z } from 'zod';
import { channel } from './channel.js';

/**
 * A token as a person identifies it before trusting it (PKCS#11 C_GetTokenInfo).
 * Public data only. The slot is left out on purpose: slot ids move between
 * reboots, so a token is always chosen by label or serial.
 */
export interface HsmToken {
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  firmwareVersion: string;
  hardwareVersion: string;
  slotDescription: string;
  loginRequired: boolean;
  initialized: boolean;
  /** Tries-left warnings as the token reports them (CKF_USER_PIN_COUNT_LOW / _FINAL_TRY / _LOCKED). */
  pin: 'ok' | 'count-low' | 'final-try' | 'locked';
}

/** The tokens of the HSM module this room uses. */
export interface HsmTokenList {
  /** The PKCS#11 module asked: main decides it (the script's, or SoftHSM for a rehearsal), never the renderer. */
  modulePath: string;
  tokens: HsmToken[];
}

/** Channels about the HSM. */
export const hsmChannels = {
  /**
   * The tokens present in the room's PKCS#11 module. The request names no
   * module: a module is a native library main loads, so the renderer must
   * never be able to choose one (docs/security.md).
   */
  listTokens: channel<HsmTokenList>()(z.strictObject({})),
};

