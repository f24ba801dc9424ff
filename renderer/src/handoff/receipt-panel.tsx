import { useState } from 'react';
import type { TakeShareQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import type { PanelProps } from '../run/panel-props.js';
import { namedPositions } from './named-positions.js';
import { ShareEntry } from './share-entry.js';
import { ShowAgainRequest } from './show-again-request.js';

/** The words of a share of a 32-byte KEK (the envelope with its check words), when the screen has not just shown one. */
export const SHARE_WORDS = 38;

/**
 * A custodian types a share back: at a hand-off, to prove receipt; in a
 * recovery, to bring it back. Main checks it; a refusal (a word's position,
 * a share of another ceremony) comes back as the question asked again. At a
 * hand-off the custodian may instead ask to see the share again.
 */
export function ReceiptPanel({ api, question, step, checking, wordCount }: PanelProps<TakeShareQuestion> & { checking: boolean; wordCount: number | undefined }) {
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const who = question.custodian ?? 'The custodian';
  const send = async (words: string[]): Promise<boolean> => {
    setSending(true);
    const result = await api.host.shareEntered({ id: question.id, words });
    setSending(false);
    if (!result.ok) setProblem(result.error);
    return result.ok;
  };
  return (
    <section className="question-panel" aria-labelledby="receipt-title">
      <p className="eyebrow">{step?.title ?? 'Share entry'}</p>
      <h3 id="receipt-title">{who}, type your share back from your card</h3>
      {question.needed > 1 ? (
        <p className="progress-count">
          {question.received} of {question.needed} shares entered
        </p>
      ) : null}
      {question.problem ? (
        <div className="error" role="alert">
          <p>{question.problem}</p>
        </div>
      ) : null}
      <ShareEntry count={wordCount ?? SHARE_WORDS} action={`Check ${who}'s share`} busy={sending || checking} keepAfterSending flagged={namedPositions(question.problem)} onSubmit={send} />
      {checking ? <p role="status">Checking the share…</p> : null}
      {question.showAgain ? <ShowAgainRequest api={api} question={question} busy={sending || checking} /> : null}
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
