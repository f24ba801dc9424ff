import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';

/**
 * Stops the ceremony instead of answering the open question, with the reason
 * for the transcript. The ceremony can be resumed later from where it stopped.
 */
export function StopForm({ api, question, onClose }: { api: ConclaveApi; question: HostQuestion; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.host.decline({ id: question.id, reason });
    if (result.ok) onClose();
    else setProblem(result.error);
  };
  return (
    <section className="panel stop-form" aria-labelledby="stop-title">
      <h2 id="stop-title">Stop the ceremony</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="stop-reason">Why (goes into the transcript)</label>
        <input id="stop-reason" ref={field} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="actions">
          <button type="submit" className="danger" disabled={!reason.trim()}>
            Stop here
          </button>
          <button type="button" onClick={onClose}>
            Go on with the ceremony
          </button>
        </div>
      </form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
