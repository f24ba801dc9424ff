import { useEffect, useRef, useState } from 'react';
import type { PresentShareQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import { HexText } from '../common/hex-text.js';
import { useArmed } from '../common/use-armed.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { ShareWordsView } from './share-words-view.js';

/**
 * One custodian's hand-off, in privacy. First only the custodian's name:
 * everyone else looks away. Then the share — words in numbered groups and
 * the QR code of the same bytes — until the custodian has copied it and
 * hides it. The words live only in this question: when it settles the panel
 * goes and the words with it (design/ARCHITECTURE.md, layer 3).
 */
export function HandoffPanel({ api, run, question, step }: PanelProps<PresentShareQuestion>) {
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [printing, setPrinting] = useState<'idle' | 'printing' | 'sent'>('idle');
  const armed = useArmed(question.id);
  const reveal = useRef<HTMLButtonElement>(null);
  const hide = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) (shown ? hide : reveal).current?.focus({ preventScroll: true });
  }, [armed, shown]);

  const hideShare = async () => {
    setSending(true);
    setShown(false);
    const result = await api.host.shareHidden({ id: question.id });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };

  const printCard = async () => {
    setPrinting('printing');
    setProblem(undefined);
    const result = await api.host.printCard({ id: question.id });
    if (!result.ok) setProblem(result.error);
    setPrinting(result.ok ? 'sent' : 'idle');
  };

  return (
    <section className="question-panel handoff" aria-labelledby="handoff-title">
      {!shown ? <StepHeading plan={run.script.plan} step={step} fallback={`Hand-off to ${question.custodian}`} /> : null}
      {!shown ? (
        <div className="privacy">
          <h3 id="handoff-title" className="privacy-title">
            Only {question.custodian} should see the screen now.
          </h3>
          <p>
            Everyone else turns away. {question.custodian} receives share {question.member} of {question.of}; any {question.threshold} shares together restore the backup key.
          </p>
          <button ref={reveal} type="button" className="primary large" disabled={!armed || sending} onClick={() => setShown(true)}>
            Show {question.custodian}&apos;s share
          </button>
        </div>
      ) : (
        <div className="share-shown">
          <h3 id="handoff-title">
            {question.custodian}: share {question.member} of {question.of}
          </h3>
          <p className="hint">Copy the words onto your card exactly, group by group; you type them back next, to prove you hold them.</p>
          <div className="share-layout">
            <ShareWordsView words={question.words} />
            <figure className="share-qr">
              <img src={question.qrDataUrl} alt={`QR code of ${question.custodian}'s share`} width={240} height={240} />
              <figcaption>
                Fingerprint <HexText value={question.fingerprint} />
              </figcaption>
            </figure>
          </div>
          <div className="action-bar">
            <button ref={hide} type="button" className="primary large" disabled={sending} onClick={() => void hideShare()}>
              Hide the share
            </button>
            {question.canPrint ? (
              <button type="button" className="large" disabled={sending || printing === 'printing'} onClick={() => void printCard()}>
                Print the card
              </button>
            ) : null}
          </div>
          {question.canPrint ? (
            printing === 'sent' ? (
              <p role="status" className="done">
                The card was sent to the printer. Collect it before anyone else comes near the printer.
              </p>
            ) : null
          ) : (
            <p className="hint print-unavailable">Printing the card to paper needs the Conclave desktop app; this window cannot print it. Copy the words onto the card by hand.</p>
          )}
        </div>
      )}
      {run.room.rehearsal && !shown ? <p className="hint">In a rehearsal the custodian card (REHEARSAL) is also saved in the bundle, under custodians/.</p> : null}
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
