/**
 * Transcript times as printed: always UTC, as the transcript records them,
 * so the paper and transcript.jsonl agree digit for digit whatever the
 * machine's time zone (no Date or Intl formatting, which would localise).
 */

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/** "2026-11-29T18:00:04.120Z" → "2026-11-29"; other text as given. */
export function utcDate(at: string): string {
  return ISO.exec(at)?.[1] ?? at;
}

/** "2026-11-29T18:00:04.120Z" → "18:00:04"; other text as given. */
export function utcTime(at: string): string {
  return ISO.exec(at)?.[2] ?? at;
}

/** "2026-11-29T18:00:04.120Z" → "2026-11-29 18:00:04 UTC"; other text as given. */
export function utcDateTime(at: string): string {
  const m = ISO.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : at;
}
