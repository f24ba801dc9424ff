import type { ChooseMediaQuestion } from '../../../shared/ipc/host-questions.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { MediaChoice } from './media-choice.js';

/**
 * One USB copy of the ceremony's output: choose the drive. Main writes only
 * to a removable drive mounted now, reads every file back and compares it; a
 * full or read-only drive stops the step with what to do, and nothing on the
 * drive looks like a copy.
 */
export function MediaPanel({ api, run, question, step }: PanelProps<ChooseMediaQuestion>) {
  return (
    <section className="question-panel" aria-labelledby="media-title">
      <StepHeading plan={run.script.plan} step={step} fallback="USB copy" />
      <h3 id="media-title">
        Copy {question.copy} of {question.copies}: choose the USB drive
      </h3>
      <p>It receives {question.what}.</p>
      <MediaChoice api={api} question={question} />
    </section>
  );
}
