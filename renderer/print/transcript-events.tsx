import { describeEvent } from './event-describers.js';
import { HexValue } from './hex-value.js';
import type { PrintEvent } from './print-models.js';
import { utcDate, utcTime } from './print-time.js';

/**
 * Every transcript event in order, one row each: its seq, its UTC time, what
 * happened in plain language, its facts, and the line's SHA-256 so a reader
 * can follow the chain on paper. The header row repeats on every page.
 */
export function TranscriptEvents({ events }: { events: readonly PrintEvent[] }) {
  return (
    <table className="pr-events">
      <thead>
        <tr>
          <th className="pr-seq">#</th>
          <th className="pr-when">Time (UTC)</th>
          <th>What happened</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, i) => (
          <EventRow key={event.seq} event={event} showDate={i === 0 || utcDate(event.at) !== utcDate(events[i - 1]?.at ?? '')} />
        ))}
      </tbody>
    </table>
  );
}

function EventRow({ event, showDate }: { event: PrintEvent; showDate: boolean }) {
  const { summary, facts } = describeEvent(event);
  const deviation = event.type === 'deviation.recorded';
  return (
    <tr className={deviation ? 'pr-deviation' : undefined}>
      <td className="pr-seq pr-mono">{event.seq}</td>
      <td className="pr-when">
        {showDate && <span className="pr-date">{utcDate(event.at)}</span>}
        <span className="pr-mono">{utcTime(event.at)}</span>
      </td>
      <td>
        <div className="pr-event-summary">
          {deviation && <span className="pr-deviation-tag">DEVIATION</span>}
          {summary}
        </div>
        {facts.length > 0 && (
          <dl className="pr-facts">
            {facts.map((fact, j) => (
              <FactLine key={j} label={fact.label} value={fact.value} hex={fact.hex} />
            ))}
          </dl>
        )}
        <div className="pr-event-meta">
          step {event.step} · by {event.actor} · {event.type}
          <span className="pr-event-hash">line SHA-256 <HexValue value={event.hash} oneLine /></span>
        </div>
      </td>
    </tr>
  );
}

function FactLine({ label, value, hex }: { label: string; value: string; hex: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{hex ? <HexValue value={value} /> : value}</dd>
    </>
  );
}
