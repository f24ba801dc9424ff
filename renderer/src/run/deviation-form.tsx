import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';

/**
 * "Record a deviation", always at hand: whatever differs from the script, in
 * the witness's words (or another participant's), into the transcript under
 * the step being walked. The ceremony goes on; the deviation is printed.
 */
export function DeviationForm({ api, run, onClose }: { api: ConclaveApi; run: CeremonyRun; onClose: () => void }) {
  const witness = run.script.participants.find((p) => p.role === 'witness')?.name ?? run.script.participants[0]!.name;
  const [description, setDescription] = useState('');
  const [by, setBy] = useState(witness);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [recorded, setRecorded] = useState<string | undefined>(undefined);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    field.current?.focus();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.ceremony.deviation({ description, recordedBy: by });
    if (result.ok) {
      setRecorded(description);
      setDescription('');
      setProblem(undefined);
    } else setProblem(result.error);
  };
  return (
    <section className="deviation-form panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Record a deviation</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-text`}>What differs from the script</label>
        <textarea id={`${id}-text`} ref={field} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor={`${id}-by`}>Recorded by</label>
        <select id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)}>
          {run.script.participants.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.role})
            </option>
          ))}
        </select>
        <div className="actions">
          <button type="submit" className="primary" disabled={!description.trim()}>
            Record it in the transcript
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {recorded ? (
        <p role="status" className="done">
          Recorded in the transcript: “{recorded}”
        </p>
      ) : null}
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
