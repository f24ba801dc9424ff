import { accessSync, constants } from 'node:fs';

/**
 * Where to look for a Chromium to print with, in order. Debian's package
 * first (design/STACK-NOTES.md); CONCLAVE_CHROMIUM, when set, is the only
 * place looked at, so a room can name its browser and a test can name none.
 */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Flags for a headless Chromium on an offline machine, possibly as root:
 * no sandbox (root), no GPU, and nothing that would try the network.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The places findChromium looks at, given the environment. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const named = env.CONCLAVE_CHROMIUM;
  return named ? [named] : CHROMIUM_CANDIDATES;
}

/** The first executable Chromium among `candidates`, or undefined when there is none. */
export function findChromium(candidates: readonly string[] = chromiumCandidates()): string | undefined {
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether a Chromium to print PDFs with is installed (else documents are written as HTML). */
export function isChromiumAvailable(candidates: readonly string[] = chromiumCandidates()): boolean {
  return findChromium(candidates) !== undefined;
}
