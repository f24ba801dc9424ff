import type { Figure } from './figure.js';
import { eventLoopMaxDelay } from './figures/event-loop-delay.js';
import { hsmSignOverhead } from './figures/hsm-sign-overhead.js';

/** Every figure `npm run bench` measures, in report order. Each lives in bench/figures/. */
export const figures: Figure[] = [
  hsmSignOverhead,
  eventLoopMaxDelay,
];
