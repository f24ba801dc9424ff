import { useState } from 'react';
import type { ChooseMediaQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import { MediaList } from '../export/media-list.js';
import { useMedia } from '../export/use-media.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';

/**
 * The custodian's own USB stick for their sealed share file. Main writes the
 * file without overwriting anything, reads it back and opens it again with
 * the passphrase before the witness acknowledges it; a full or read-only
 * stick brings this screen back with what went wrong.
 */
export function ShareStickPanel({ api, run, question, step }: PanelProps<ChooseMediaQuestion & { custodian: string }>) {
  const media = useMedia(api, question.media);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const choose = async (mountPoint: string) => {
    setSending(true);
    const result = await api.host.mediaChosen({ id: question.id, mountPoint });
    if (!result.ok) setProblem(result.error);
    setSending(false);
  };
  return (
    <section className="question-panel" aria-labelledby="share-stick-title">
      <StepHeading plan={run.script.plan} step={step} fallback={`Sealed share file for ${question.custodian}`} />
      <h3 id="share-stick-title">{question.custodian}: choose your USB stick</h3>
      <p>It receives {question.what}. It is sealed under the passphrase just chosen, read back and opened again before anything is recorded.</p>
      {question.problem ? (
        <p className="error" role="alert">
          {question.problem}
        </p>
      ) : null}
      <MediaList media={media} action="Write to" busy={sending} autoFocus onChoose={(m) => void choose(m.mountPoint)} />
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
