import { useEffect, useRef, useState } from 'react';
import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';
import { useArmed } from '../common/use-armed.js';

/**
 * The witness's acknowledgement: what is confirmed, in words, and the button
 * with the witness's name on it. It takes the focus when the question
 * appears, so Enter confirms; it cannot be pressed for a moment, so a key
 * held down for the last question does not confirm this one.
 */
export function AcknowledgeActions({ api, question, label }: { api: ConclaveApi; question: AcknowledgeQuestion; label?: string }) {
  const armed = useArmed(question.id);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) button.current?.focus({ preventScroll: true });
  }, [armed]);
  const acknowledge = async () => {
    setSending(true);
    const result = await api.host.acknowledge({ id: question.id });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <div className="acknowledge action-bar">
      <p className="ack-what">
        <strong>{question.actor}</strong> confirms: {question.title}.
      </p>
      <button ref={button} type="button" className="primary large" disabled={!armed || sending} onClick={() => void acknowledge()}>
        {label ?? `${question.actor} confirms`}
      </button>
      {problem ? <ErrorNotice error={problem} /> : null}
    </div>
  );
}
