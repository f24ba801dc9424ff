import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConfirmQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';

/**
 * Type-to-confirm for an irreversible action (signing, destroying): what
 * cannot be undone, read aloud, then the administrator types the word the
 * step names. Main compares the word; a different one changes nothing.
 */
export function ConfirmPanel({ api, run, question, step }: PanelProps<ConfirmQuestion>) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, [question.id]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    const result = await api.host.confirm({ id: question.id, typed });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <section className="question-panel irreversible" aria-labelledby="confirm-title">
      <StepHeading plan={run.script.plan} step={step} fallback={question.title} />
      <h3 id="confirm-title">This cannot be undone</h3>
      <p className="consequence">{question.detail}</p>
      <form className="confirm-form action-bar" onSubmit={(e) => void submit(e)}>
        <label htmlFor="confirm-word">
          Type <strong className="mono">{question.word}</strong> to go ahead
        </label>
        <input id="confirm-word" ref={field} className="mono large-input" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="primary large danger" disabled={sending || typed.trim() !== question.word}>
          {question.word}
        </button>
      </form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
