import { z } from 'zod';
import { channel } from './channel.js';

/** What the home screen says about the application and this machine. */
export interface AppInfo {
  name: string;
  version: string;
  /**
   * Whether a rehearsal can run here: it needs SoftHSM, the practice HSM.
   * `reason` says what is missing and how to install it when it cannot.
   */
  rehearsal: { available: boolean; modulePath: string; reason?: string };
}

/** Channels about the application itself. */
export const appChannels = {
  /** Name, version and what this machine can do. */
  info: channel<AppInfo>()(z.strictObject({})),
};
