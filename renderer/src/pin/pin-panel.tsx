import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EnterPinQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import type { PanelProps } from '../run/panel-props.js';

const PIN_STATE: Record<EnterPinQuestion['pin'], string | undefined> = {
  ok: undefined,
  'count-low': 'A wrong PIN was entered before: few tries are left.',
  'final-try': 'One try left: a wrong PIN now locks the token.',
  locked: 'The PIN is locked: the security officer must unlock it.',
};

/**
 * The administrator logs in to the token: its label and serial to check, the
 * PIN masked, the token's word on tries left, and why the last PIN was
 * refused. The field is emptied as soon as the PIN is sent.
 */
export function PinPanel({ api, question, step }: PanelProps<EnterPinQuestion>) {
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, [question.id]);
  const warning = PIN_STATE[question.pin];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pin) return;
    setSending(true);
    const typed = pin;
    setPin('');
    const result = await api.host.pin({ id: question.id, pin: typed });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <section className="question-panel" aria-labelledby="pin-title">
      {/* The PIN screen is short on purpose: why the last PIN was refused must be seen next to the field. */}
      <p className="eyebrow">{step?.title ?? 'Log in to the HSM'}</p>
      <h2 id="pin-title">Enter the user PIN of token “{question.token.label}”</h2>
      <dl className="facts">
        <dt>Token</dt>
        <dd className="mono">{question.token.label}</dd>
        <dt>Serial</dt>
        <dd className="mono">{question.token.serial}</dd>
      </dl>
      {question.problem ? (
        <p className="error" role="alert">
          {question.problem}
        </p>
      ) : null}
      {warning ? <p className="warning">{warning}</p> : null}
      {question.practicePin ? (
        <p className="practice-pin">
          Practice token PIN: <span className="mono">{question.practicePin}</span> — a rehearsal shows it so the administrator practises typing it; a real ceremony never shows a PIN.
        </p>
      ) : null}
      <form className="pin-form action-bar" onSubmit={(e) => void submit(e)}>
        <label htmlFor="pin">User PIN (only the administrator looks at the keyboard)</label>
        <input id="pin" ref={field} type="password" className="mono" autoComplete="off" spellCheck={false} value={pin} onChange={(e) => setPin(e.target.value)} />
        <button type="submit" className="primary large" disabled={sending || !pin}>
          Log in
        </button>
      </form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
