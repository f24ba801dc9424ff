/**
 * The word positions a refusal names ("Word 7 (group 2, word 3) is wrong",
 * "Words 4 and 5 look swapped"), so the entry can mark those fields. The
 * message stays the engine's; this only points at the fields.
 */
export function namedPositions(message: string | undefined): number[] {
  if (!message) return [];
  const match = /^Words? (\d+)(?: and (\d+))?/.exec(message);
  return match ? [match[1], match[2]].filter((n): n is string => n !== undefined).map(Number) : [];
}
