import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import { AcknowledgeActions } from '../run/acknowledge-actions.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { linesOfStep } from '../run/step-states.js';

/**
 * Roll call: every participant with their role, those marked present so far,
 * and the one the witness marks now.
 */
export function RollCallPanel({ api, run, question, step }: PanelProps<AcknowledgeQuestion>) {
  const present = new Set(
    linesOfStep(run.lines, question.step)
      .filter((l) => l.type === 'participant.present')
      .map((l) => String(l.facts?.data.name)),
  );
  const asked = question.title.replace(/ is present$/, '');
  return (
    <section className="question-panel" aria-labelledby="question-title">
      <StepHeading plan={run.script.plan} step={step} fallback="Roll call" />
      <ul className="roll-call" aria-label="Participants">
        {run.script.participants.map((p) => {
          const state = present.has(p.name) ? 'present' : p.name === asked ? 'asked' : 'waiting';
          return (
            <li key={p.name} className={`roll roll-${state}`} aria-current={state === 'asked' ? 'true' : undefined}>
              <span className="roll-mark" aria-hidden="true">
                {state === 'present' ? '✓' : state === 'asked' ? '▶' : '○'}
              </span>
              <span className="roll-name">{p.name}</span>
              <span className="roll-role">{p.role}</span>
              <span className="roll-state">{state === 'present' ? 'present' : state === 'asked' ? 'being checked now' : 'not yet'}</span>
            </li>
          );
        })}
      </ul>
      <p id="question-title" className="detail">
        {question.detail}
      </p>
      <AcknowledgeActions api={api} question={question} label={`${question.actor} marks ${asked} present`} />
    </section>
  );
}
