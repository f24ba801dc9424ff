import { groupHex } from '../../print/hex-groups.js';

/**
 * A hex value (a hash, a fingerprint, a key check value) in monospace, in
 * groups of four, so the administrator can read it aloud ("df55 — 0921 — …")
 * and the witness follow on their own copy.
 */
export function HexText({ value, size = 'normal', label }: { value: string; size?: 'normal' | 'large'; label?: string }) {
  // A key check value (6 digits) or a short id is read whole; longer values in groups of four.
  if (size === 'normal') return <span className="hex">{value.replaceAll(':', '').length <= 8 ? value : groupHex(value)}</span>;
  // Large: lines of eight groups, so a SHA-256 reads as two even lines wherever the column ends.
  const groups = groupHex(value).split(' ');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE).join(' '));
  return (
    <span className="hex hex-large" aria-label={label}>
      {lines.map((line, i) => (
        <span key={i} className="hex-line">
          {line}
        </span>
      ))}
    </span>
  );
}

const GROUPS_PER_LINE = 8;
