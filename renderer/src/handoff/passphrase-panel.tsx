import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChoosePassphraseQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';

/**
 * A custodian chooses the passphrase their sealed share file is sealed
 * under: typed twice, masked, emptied as soon as it is sent. Main checks the
 * length and that both entries are the same, and asks again saying why; the
 * screen only hints as the custodian types.
 */
export function PassphrasePanel({ api, run, question, step }: PanelProps<ChoosePassphraseQuestion>) {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, [question.id]);
  const length = [...passphrase].length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || !repeated) return;
    setSending(true);
    const entries = { passphrase, repeated };
    setPassphrase('');
    setRepeated('');
    const result = await api.host.passphrase({ id: question.id, ...entries });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <section className="question-panel passphrase" aria-labelledby="passphrase-title">
      <StepHeading plan={run.script.plan} step={step} fallback={`Sealed share file for ${question.custodian}`} />
      <h3 id="passphrase-title">{question.custodian}, choose a passphrase for your sealed share file</h3>
      <p>
        Share {question.member} is also written to your USB stick, sealed under this passphrase. Only you look at the keyboard. Use at least {question.minimum} characters — a few unrelated words are easy to remember — and keep it apart from the stick: without it the file cannot be opened, and nobody can recover it for you.
      </p>
      {question.problem ? (
        <p className="error" role="alert">
          {question.problem}
        </p>
      ) : null}
      <form className="passphrase-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="passphrase">Passphrase</label>
        <input id="passphrase" ref={field} type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <label htmlFor="passphrase-repeated">The same passphrase again</label>
        <input id="passphrase-repeated" type="password" autoComplete="off" spellCheck={false} value={repeated} onChange={(e) => setRepeated(e.target.value)} />
        <p className="hint" aria-live="polite">
          {length === 0 ? `At least ${question.minimum} characters.` : length < question.minimum ? `${length} characters: ${question.minimum - length} more needed.` : repeated && repeated !== passphrase ? 'The two entries differ.' : `${length} characters.`}
        </p>
        <div className="action-bar">
          <button type="submit" className="primary large" disabled={sending || !passphrase || !repeated}>
            Seal the share under this passphrase
          </button>
        </div>
      </form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
