import type { Figure } from './figure.js';
import { batchSign1000 } from './figures/batch-sign.js';
import { custodians255 } from './figures/custodians-255.js';
import { eventLoopMaxDelay } from './figures/event-loop-delay.js';
import { hsmSignOverhead } from './figures/hsm-sign-overhead.js';
import { peakRssMb } from './figures/peak-rss.js';
import { rendererBundleKbGz, rendererFirstScreen } from './figures/renderer.js';
import { rootCeremonyVsOpensslBaseline } from './figures/root-ceremony-baseline.js';
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
  rootCeremonyVsOpensslBaseline,
  custodians255,
  peakRssMb,
  batchSign1000,
  rendererBundleKbGz,
  rendererFirstScreen,
];
