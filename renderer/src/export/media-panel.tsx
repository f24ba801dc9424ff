import { useState } from 'react';
import type { ChooseMediaQuestion } from '../../../shared/ipc/host-questions.js';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { MediaList } from './media-list.js';
import { useMedia } from './use-media.js';

/**
 * One USB copy of the ceremony's output: choose the drive. Main writes only
 * to a removable drive mounted now, reads every file back and compares it; a
 * full or read-only drive stops the step with what to do, and nothing on the
 * drive looks like a copy.
 */
export function MediaPanel({ api, run, question, step }: PanelProps<ChooseMediaQuestion>) {
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
    <section className="question-panel" aria-labelledby="media-title">
      <StepHeading plan={run.script.plan} step={step} fallback="USB copy" />
      <h3 id="media-title">
        Copy {question.copy} of {question.copies}: choose the USB drive
      </h3>
      <p>It receives {question.what}.</p>
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
