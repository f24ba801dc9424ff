/** One file of SHA256SUMS. */
export interface SumsEntry {
  /** Relative path, forward slashes. */
  path: string;
  /** SHA-256, lowercase hex. */
  sha256: string;
}

/** Byte order of the UTF-8 paths, as `LC_ALL=C sort` orders them (stable across machines and locales). */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * SHA256SUMS text in `sha256sum -c` format (design/FORMATS.md): "<hex>  <path>\n"
 * per file (two spaces: text mode, which GNU sha256sum reads as binary anyway),
 * sorted by path.
 */
export function formatSums(entries: SumsEntry[]): string {
  return [...entries]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

export type ParsedSums = { ok: true; entries: SumsEntry[] } | { ok: false; line: number; message: string };

/**
 * Reads SHA256SUMS. Accepts the binary marker ("<hex> *<path>") an auditor's
 * own `sha256sum -b` writes; refuses escaped lines (a leading backslash), which
 * our paths never need.
 */
export function parseSums(text: string): ParsedSums {
  const entries: SumsEntry[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) return { ok: false, line: i + 1, message: `SHA256SUMS line ${i + 1} is not "<64 hex>  <path>".` };
    entries.push({ sha256: match[1]!, path: match[2]! });
  }
  return { ok: true, entries };
}
