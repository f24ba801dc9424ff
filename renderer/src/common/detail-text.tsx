import { Fragment } from 'react';
import { HexText } from './hex-text.js';

/** Runs of hex long enough to be a hash or an identifier (a 6-digit KCV reads fine as it is). */
const LONG_HEX = /\b([0-9a-f]{16,})\b/g;

/**
 * A sentence from the engine (a question's detail) with each long hex value
 * set in monospace groups of four, so it can be read aloud where it stands.
 */
export function DetailText({ text }: { text: string }) {
  const parts = text.split(LONG_HEX);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <HexText key={i} value={part} /> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
