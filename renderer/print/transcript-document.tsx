import type { ReactNode } from 'react';
import { HexValue } from './hex-value.js';
import { BASE_CSS } from './print-base-styles.js';
import type { PrintDeviation, PrintParticipant, TranscriptPrintModel } from './print-models.js';
import { utcDateTime } from './print-time.js';
import { RehearsalMark } from './rehearsal-mark.js';
import { SignatureSection } from './signature-section.js';
import { ceremonyKindName } from './standard-wording.js';
import { TRANSCRIPT_CSS } from './transcript-styles.js';
import { TranscriptEvents } from './transcript-events.js';

/**
 * The printed transcript (transcript.pdf): what the ceremony was, who was
 * there, every event in order, every deviation, and a place for each
 * participant to sign. Pure: renders the same under react-dom/server in Node,
 * in the app's preview and in Electron's print. The page header and footer
 * (page n of m, the transcript digest) come from page-templates.ts.
 */
export function TranscriptDocument({ model }: { model: TranscriptPrintModel }) {
  const first = model.events[0];
  const last = model.events[model.events.length - 1];
  return (
    <article className="pr-doc pr-transcript">
      <style dangerouslySetInnerHTML={{ __html: BASE_CSS + TRANSCRIPT_CSS }} />
      <RehearsalMark rehearsal={model.rehearsal} />
      <header>
        <div className="pr-eyebrow">Conclave · key ceremony transcript</div>
        <h1>{model.title}</h1>
        <div className="pr-subtitle">{ceremonyKindName(model.kind)}{model.rehearsal ? ' · rehearsal' : ''}</div>
        <table className="pr-keyvalues">
          <tbody>
            <KeyValue label="Ceremony id"><span className="pr-mono">{model.ceremonyId}</span></KeyValue>
            <KeyValue label="Kind">{ceremonyKindName(model.kind)} <span className="pr-muted">({model.kind})</span></KeyValue>
            {first && <KeyValue label="Opened">{utcDateTime(first.at)}</KeyValue>}
            {last && <KeyValue label="Last event">{utcDateTime(last.at)}</KeyValue>}
            <KeyValue label="Events">{eventCount(model)}</KeyValue>
            <KeyValue label="Script SHA-256"><HexValue value={model.scriptSha256} /></KeyValue>
            <KeyValue label="Transcript SHA-256"><HexValue value={model.transcriptSha256} /></KeyValue>
          </tbody>
        </table>
        <p className="pr-how-to-check">
          To check this paper against the evidence bundle: <span className="pr-mono">sha256sum transcript.jsonl</span> prints
          the transcript SHA-256 above, whose first 16 digits are in every page’s footer, and{' '}
          <span className="pr-mono">sha256sum ceremony.yaml</span> prints the script SHA-256.
        </p>
      </header>
      <Participants participants={model.participants} />
      <section>
        <h2>Events</h2>
        <TranscriptEvents events={model.events} />
      </section>
      <Deviations deviations={model.deviations} />
      <SignatureSection signatures={model.signatures} transcriptSha256={model.transcriptSha256} />
    </article>
  );
}

function eventCount(model: TranscriptPrintModel): string {
  const n = model.events.length;
  if (n === 0) return 'none';
  return `${n} (seq ${model.events[0]?.seq} to ${model.events[n - 1]?.seq})`;
}

function KeyValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Participants({ participants }: { participants: readonly PrintParticipant[] }) {
  return (
    <section>
      <h2>Participants</h2>
      <table className="pr-people">
        <thead>
          <tr><th>Name</th><th>Role</th></tr>
        </thead>
        <tbody>
          {participants.map((p, i) => (
            <tr key={i}><td>{p.name}</td><td>{p.role}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Deviations({ deviations }: { deviations: readonly PrintDeviation[] }) {
  return (
    <section>
      <h2>Deviations from the script</h2>
      {deviations.length === 0 ? (
        <p>No deviation was recorded.</p>
      ) : (
        <ol className="pr-deviations">
          {deviations.map((d) => (
            <li key={d.seq}>
              <div className="pr-event-summary">{d.description}</div>
              <div className="pr-event-meta">
                event {d.seq} · {utcDateTime(d.at)} · step {d.step} · recorded by {d.recordedBy}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
