import type { Figure } from './figure.js';
import { eventLoopMaxDelay } from './figures/event-loop-delay.js';
import { hsmSignOverhead } from './figures/hsm-sign-overhead.js';
import { shamir255 } from './figures/shamir-255.js';
import { shareCodec } from './figures/share-codec.js';
import { transcriptVerifyVsSha256sum } from './figures/transcript-verify.js';

/** Every figure `npm run bench` measures, in report order. Each lives in bench/figures/. */
export const figures: Figure[] = [
  transcriptVerifyVsSha256sum,
  hsmSignOverhead,
  eventLoopMaxDelay,
  shareCodec,
  shamir255,
];
