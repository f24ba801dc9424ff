import { useState, type FormEvent } from 'react';
import type { TakeShareQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';

/**
 * At a hand-off's re-entry: the custodian asks to see the share again
 * (design/PRODUCT.md: never shown twice unless the witness approves and the
 * transcript records it). The reason goes to main, the witness's approval
 * screen comes next, and the transcript records both.
 */
export function ShowAgainRequest({ api, question, busy }: { api: ConclaveApi; question: TakeShareQuestion; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const who = question.custodian ?? 'The custodian';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    setSending(true);
    const result = await api.host.showAgain({ id: question.id, reason: reason.trim() });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  if (!open) {
    return (
      <div className="show-again">
        <button type="button" disabled={busy} onClick={() => setOpen(true)}>
          Show the share again
        </button>
      </div>
    );
  }
  return (
    <form className="show-again" onSubmit={(e) => void submit(e)} aria-labelledby="show-again-title">
      <h4 id="show-again-title">Show {who}&apos;s share again</h4>
      <p>The witness must approve first, and the transcript records the approval with the reason. Never type share words here.</p>
      <label htmlFor="show-again-reason">Why must the share be shown again?</label>
      <input id="show-again-reason" type="text" maxLength={300} autoComplete="off" value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
      <div className="action-bar">
        <button type="submit" className="primary" disabled={busy || sending || !reason.trim()}>
          Ask the witness to approve
        </button>
        <button type="button" disabled={sending} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
    </form>
  );
}
