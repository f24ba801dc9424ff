/**
 * `npm run build` (after tsc): the renderer into dist/renderer, served by the
 * app:// protocol, and the preload bundled into dist/preload/preload.cjs.
 * Mode "renderer-only" leaves the preload out (the test bridge builds only
 * the renderer, into a directory of its own).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// eslint-disable-next-line no-restricted-imports -- build tooling reads the policy string; nothing from main/ enters the renderer bundle.
import { CONTENT_SECURITY_POLICY } from '../main/electron/content-security-policy.js';
import { cleanOwnOutputPlugin } from './build/clean-own-output.js';
import { cspMetaPlugin } from './build/csp-meta.js';
import { preloadBundlePlugin } from './build/preload-bundle.js';

/** The mode in which only the renderer is built. */
export const RENDERER_ONLY_MODE = 'renderer-only';

const here = import.meta.dirname;
const outDir = `${here}/../dist/renderer`;

export default defineConfig(({ mode }) => ({
  root: here,
  base: '/',
  plugins: [
    react(),
    cspMetaPlugin(CONTENT_SECURITY_POLICY),
    // dist/renderer/print/ comes from tsc (renderer/print, used by main): empty only what Vite writes.
    cleanOwnOutputPlugin(),
    ...(mode === RENDERER_ONLY_MODE ? [] : [preloadBundlePlugin({ entry: `${here}/../main/electron/preload.ts`, outDir: `${here}/../dist/preload` })]),
  ],
  build: {
    outDir,
    emptyOutDir: false,
    sourcemap: false,
    target: 'chrome130',
    // Chromium preloads modules natively; the polyfill would be code the CSP has to allow for nothing.
    modulePreload: { polyfill: false },
  },
}));
