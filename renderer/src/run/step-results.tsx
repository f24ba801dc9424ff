import type { TranscriptTail } from '../../../shared/ipc/runner-events.js';
import { describeEvent } from '../../print/event-describers.js';
import { HexText } from '../common/hex-text.js';

/** Lines that frame a step rather than report what it did. */
const FRAMING = new Set(['step.started', 'step.completed', 'witness.acknowledged']);

/**
 * What a step did, from its transcript lines, in the words the printed
 * transcript uses: one sentence per event, then its facts — hashes,
 * fingerprints, key check values in monospace groups of four, for the
 * administrator to read aloud and the witness to check.
 */
export function StepResults({ lines }: { lines: readonly TranscriptTail[] }) {
  const results = lines.filter((l) => !FRAMING.has(l.type) && l.facts);
  if (results.length === 0) return null;
  return (
    <section className="results" aria-label="Results">
      {results.map((line) => {
        const { summary, facts } = describeEvent({ seq: line.seq, at: line.facts!.at, type: line.type, step: line.step, actor: line.facts!.actor, data: line.facts!.data, hash: line.sha256 });
        return (
          <article key={line.seq} className={`result result-${line.type.replace(/\./g, '-')}`}>
            <h4>{summary}</h4>
            {facts.length > 0 ? (
              <dl className="facts result-facts">
                {facts.map((f, i) => (
                  <div key={i} className="fact">
                    <dt>{f.label}</dt>
                    <dd>{f.hex ? <HexText value={f.value} /> : f.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
