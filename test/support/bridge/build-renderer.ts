import { resolve } from 'node:path';
import { build } from 'vite';
import { RENDERER_ONLY_MODE } from '../../../renderer/vite.config.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * Builds the renderer exactly as `npm run build` does (renderer/vite.config.ts),
 * into `outDir` — a directory of the test's own, so tests never race each
 * other or a developer's dist/. The preload is not built here: the bridge
 * stands in for it.
 */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: resolve(ROOT, 'renderer', 'vite.config.ts'),
    mode: RENDERER_ONLY_MODE,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}
