import type { BundleContents } from './bundle-contents.js';
import { SUMS_FILE } from './bundle-path.js';
import { parseSums } from './sha256sums.js';
import type { CheckResult } from './verify-report.js';

/**
 * SHA256SUMS, as `sha256sum -c` reads it: every listed file is there with its
 * hash; and beyond sha256sum, every file of the bundle is listed and the list
 * is sorted by path (design/FORMATS.md).
 */
export async function checkSums(bundle: BundleContents): Promise<CheckResult> {
  const name = SUMS_FILE;
  const text = await bundle.read(SUMS_FILE);
  if (!text) {
    return bundle.sealed
      ? { name, status: 'fail', detail: 'SHA256SUMS is missing from a sealed bundle: it is written right after the seal.' }
      : { name, status: 'incomplete', detail: 'No SHA256SUMS yet: it is written at the close, after the seal.' };
  }
  const parsed = parseSums(text.toString('utf8'));
  if (!parsed.ok) return { name, status: 'fail', detail: parsed.message };
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const { path, sha256 } of parsed.entries) {
    if (listed.has(path)) problems.push(`${path} is listed twice`);
    listed.add(path);
    const actual = await bundle.sha256(path);
    if (actual === undefined) problems.push(`${path} is listed but missing`);
    else if (actual !== sha256) problems.push(`${path} has changed (SHA-256 ${actual}, listed ${sha256})`);
  }
  for (const path of bundle.files) if (path !== SUMS_FILE && !listed.has(path)) problems.push(`${path} is not listed`);
  const paths = parsed.entries.map((e) => Buffer.from(e.path, 'utf8'));
  if (paths.some((p, i) => i > 0 && Buffer.compare(paths[i - 1]!, p) >= 0)) problems.push('the list is not sorted by path');
  return problems.length
    ? { name, status: 'fail', detail: `${problems.join('; ')}.` }
    : { name, status: 'pass', detail: `${parsed.entries.length} files listed, every one present and unchanged; nothing unlisted.` };
}
