import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import { AcknowledgeActions } from '../run/acknowledge-actions.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { ScriptReview } from './script-review.js';

/** The ceremony's first step: the witness compares the script's SHA-256 with the reviewed one, room settings apart. */
export function OpenPanel({ api, run, question, step }: PanelProps<AcknowledgeQuestion>) {
  return (
    <section className="question-panel" aria-labelledby="question-title">
      <StepHeading plan={run.script.plan} step={step} fallback="Open the script" />
      <ScriptReview file={run.script.file} sha256={run.script.sha256} plan={run.script.plan} room={run.room} />
      <h3 id="question-title" className="visually-hidden">
        {question.title}
      </h3>
      <AcknowledgeActions api={api} question={question} label={`${question.actor} confirms the SHA-256 equals the reviewed one`} />
    </section>
  );
}
