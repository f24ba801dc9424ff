/**
 * Build tooling (runs in Node during `vite build`, never in the renderer):
 * bundles main/electron/preload.ts into one CommonJS file. The main window is
 * sandboxed, and a sandboxed preload can neither be an ES module nor require
 * anything but 'electron' (Electron docs, "ES Modules in Electron" and
 * "Process Sandboxing"), so the contract it exposes is bundled into it.
 */
import { build, type Plugin } from 'vite';

/** Where the preload comes from and where its bundle goes. */
export interface PreloadBundleOptions {
  /** main/electron/preload.ts */
  entry: string;
  /** The directory that receives preload.cjs (dist/preload). */
  outDir: string;
}

/** The preload bundle's file name, as main/electron/app.ts loads it. */
export const PRELOAD_FILE = 'preload.cjs';

/** Bundles the preload to `<outDir>/preload.cjs`: CommonJS, 'electron' left as a require. */
export async function bundlePreload(options: PreloadBundleOptions): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      lib: { entry: options.entry, formats: ['cjs'], fileName: () => PRELOAD_FILE },
      outDir: options.outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify: false,
      target: 'chrome130',
      rolldownOptions: { external: ['electron'] },
    },
  });
}

/** A Vite plugin that bundles the preload once the renderer's build is written. */
export function preloadBundlePlugin(options: PreloadBundleOptions): Plugin {
  return {
    name: 'conclave-preload-bundle',
    apply: 'build',
    closeBundle: () => bundlePreload(options),
  };
}
