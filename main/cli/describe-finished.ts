import type { FinishedBundle } from '../ceremony/runner/finish-ceremony.js';

/** The close as the terminal shows it: where the bundle is and the one hash that names it. */
export function describeFinished(finished: FinishedBundle): string {
  const notice = finished.printNotice ? `${finished.printNotice}\n` : '';
  return `\nThe ceremony is closed and sealed.\nBundle: ${finished.bundleDir} (${finished.files} files)\nSHA-256 of SHA256SUMS: ${finished.sumsSha256}\n${notice}Check it any time with: conclave verify ${finished.bundleDir}\n`;
}
