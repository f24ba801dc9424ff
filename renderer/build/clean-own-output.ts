/**
 * Build tooling: empties only what Vite writes into the renderer's output
 * directory (index.html and assets/), before it writes them again.
 * dist/renderer also holds renderer/print compiled by tsc (the main process
 * renders print views with it: main/transcript/print/print-html.ts), which
 * `npm run build` emits just before Vite runs; Vite's own emptyOutDir would
 * delete it.
 */
/* eslint-disable no-restricted-imports -- build tooling runs in Node during `vite build`; nothing here enters the renderer bundle. */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
/* eslint-enable no-restricted-imports */
import type { Plugin } from 'vite';

/** The entries of the renderer's output directory that Vite owns. */
export const VITE_OWNED_ENTRIES = ['index.html', 'assets'];

/** A Vite plugin that removes index.html and assets/ from the build's outDir at the start of a build. */
export function cleanOwnOutputPlugin(): Plugin {
  let outDir: string | undefined;
  return {
    name: 'conclave-clean-own-output',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart: () => {
      if (!outDir) return;
      for (const entry of VITE_OWNED_ENTRIES) rmSync(join(outDir, entry), { recursive: true, force: true });
    },
  };
}
