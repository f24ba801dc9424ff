import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import { DetailText } from '../common/detail-text.js';
import { AcknowledgeActions } from './acknowledge-actions.js';
import type { PanelProps } from './panel-props.js';
import { StepHeading } from './step-heading.js';
import { StepResults } from './step-results.js';
import { linesOfStep } from './step-states.js';

/** A step the witness acknowledges: its instructions, what it did (results to read aloud), and what is confirmed. */
export function StepPanel({ api, run, question, step }: PanelProps<AcknowledgeQuestion>) {
  return (
    <section className="question-panel" aria-labelledby="question-title">
      <StepHeading plan={run.script.plan} step={step} fallback={question.title} />
      <StepResults lines={linesOfStep(run.lines, question.step)} />
      <div className="ask">
        <h3 id="question-title">{question.title}</h3>
        <p className="detail">
          <DetailText text={question.detail} />
        </p>
      </div>
      <AcknowledgeActions api={api} question={question} />
    </section>
  );
}
