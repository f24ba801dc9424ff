import { groupHex, isHex } from './hex-groups.js';

/** Groups per printed line of a long hash: 8 × 4 = 32 digits, so a SHA-256 reads as two even lines. */
const GROUPS_PER_LINE = 8;

/**
 * A hex value in monospace, grouped in fours when it is long enough to be
 * read aloud in parts (a 6-digit key check value stays whole). A value longer
 * than 40 digits (a SHA-256) is set as lines of 8 groups, so it never breaks
 * at whatever point the column happens to end; `oneLine` keeps it on one line
 * where the layout has room (the small print of a transcript line's hash).
 */
export function HexValue({ value, oneLine = false }: { value: string; oneLine?: boolean }) {
  const digits = value.replaceAll(':', '');
  if (!isHex(value) || digits.length <= 8) return <span className="pr-hex">{isHex(value) ? digits.toLowerCase() : value}</span>;
  const groups = groupHex(value).split(' ');
  if (oneLine || digits.length <= 40) return <span className="pr-hex">{groups.join(' ')}</span>;
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE).join(' '));
  return (
    <span className="pr-hex pr-hex-lines">
      {lines.map((line, i) => (
        <span className="pr-hex-line" key={i}>{line}</span>
      ))}
    </span>
  );
}
