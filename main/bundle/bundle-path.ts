import { BundleError } from './bundle-error.js';

/** The index of the bundle, written last by BundleWriter.writeSums. */
export const SUMS_FILE = 'SHA256SUMS';

/**
 * Checks a path inside a bundle: relative, forward slashes, no "." or ".."
 * segment, no empty segment, and no character `sha256sum` would escape
 * (backslash, newline) or a terminal would hide (control characters) — so
 * every line of SHA256SUMS is plain "<hex>  <path>" and `sha256sum -c` reads it.
 * @throws BundleError BUNDLE_BAD_PATH naming the path and the rule it breaks.
 */
export function assertBundlePath(path: string): void {
  const bad = (why: string): never => {
    throw new BundleError('BUNDLE_BAD_PATH', `"${path}" cannot be a bundle file: ${why}.`, { path });
  };
  if (path.length === 0) bad('the path is empty');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) bad('it must be relative to the bundle');
  if (path.includes('\\')) bad('use forward slashes');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(path)) bad('it holds a control character');
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) bad('every segment must be a name (no "", "." or "..")');
}
