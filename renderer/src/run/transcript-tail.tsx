import type { TranscriptTail as TailLine } from '../../../shared/ipc/runner-events.js';
import { hashPrefix } from '../../print/hex-groups.js';

/** How many of the newest lines the tail shows. */
const SHOWN = 3;

/**
 * The live tail of the transcript: the newest lines as they are written and
 * flushed, each with the start of its SHA-256 (the next line's `prev`), so the
 * witness sees the record grow as the ceremony goes.
 */
export function TranscriptTail({ lines }: { lines: readonly TailLine[] }) {
  const newest = lines.slice(-SHOWN);
  return (
    <section className="tail" aria-labelledby="tail-heading">
      <h2 id="tail-heading">
        Transcript <span className="tail-count">{lines.length} lines</span>
      </h2>
      <ol className="tail-lines" aria-live="polite">
        {newest.map((line) => (
          <li key={line.seq}>
            <span className="mono tail-seq">#{line.seq}</span>
            <span className="tail-type">{line.type}</span>
            <span className="tail-step">{line.step}</span>
            <span className="mono tail-hash" title={line.sha256}>
              {hashPrefix(line.sha256)}…
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
