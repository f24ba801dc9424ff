/**
 * `npm run build` (after tsc): the renderer into dist/renderer, served by the
 * app:// protocol, and the preload bundled into dist/preload/preload.cjs.
 * Mode "renderer-only" leaves the preload out (the test bridge builds only
 * the renderer, into a directory of its own).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { preloadBundlePlugin } from './build/preload-bundle.js';

/** The mode in which only the renderer is built. */
export const RENDERER_ONLY_MODE = 'renderer-only';

const here = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  root: here,
  base: '/',
  plugins: [
    react(),
    ...(mode === RENDERER_ONLY_MODE ? [] : [preloadBundlePlugin({ entry: `${here}/../main/electron/preload.ts`, outDir: `${here}/../dist/preload` })]),
  ],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    // Chromium preloads modules natively; the polyfill would be code the CSP has to allow for nothing.
    modulePreload: { polyfill: false },
  },
}));
