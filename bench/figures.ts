import type { Figure } from './figure.js';

/** Every figure `npm run bench` measures, in report order. Each lives in bench/figures/. */
export const figures: Figure[] = [];
