import { appChannels } from './app-channels.js';
import { bundleChannels } from './bundle-channels.js';
import { ceremonyChannels, ceremonyEvents } from './ceremony-channels.js';
import { hostChannels, hostEvents } from './host-channels.js';
import { hsmChannels } from './hsm-channels.js';
import { mediaChannels, mediaEvents } from './media-channels.js';
import { recoveryChannels } from './recovery-channels.js';
import { runnerEvents } from './runner-events.js';
import { scriptChannels } from './script-channels.js';

/**
 * The IPC contract: every request channel, grouped by concept, declared once.
 * A channel's name is "<group>.<method>" (e.g. "hsm.listTokens"). The handler
 * map (main/service/) and the renderer's API (the preload, the test bridge)
 * are both derived from this object — see api-types.ts — so a channel cannot
 * exist on one side only.
 */
export const contract = {
  app: appChannels,
  hsm: hsmChannels,
  script: scriptChannels,
  bundle: bundleChannels,
  media: mediaChannels,
  host: hostChannels,
  ceremony: ceremonyChannels,
  recovery: recoveryChannels,
};

/** Every event main sends to the renderer, by name. */
export const events = {
  ...runnerEvents,
  ...mediaEvents,
  ...hostEvents,
  ...ceremonyEvents,
};

export type Contract = typeof contract;
export type Events = typeof events;
