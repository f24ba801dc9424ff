import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import { StepHeading } from './step-heading.js';
import { StepResults } from './step-results.js';
import { linesOfStep } from './step-states.js';
import { formatElapsed, useNow } from './use-now.js';

/** Between questions: the step at work, the long operation under way with its elapsed time, and what the step has done so far. */
export function WorkingPanel({ run, stepId }: { run: CeremonyRun; stepId: string | undefined }) {
  const now = useNow();
  const step = run.script.plan.steps.find((s) => s.id === stepId);
  const progress = run.progress;
  return (
    <section className="question-panel working" aria-busy="true" aria-labelledby="working-title">
      <StepHeading plan={run.script.plan} step={step} fallback="Preparing the ceremony" />
      <p id="working-title" className="progress-line" role="status">
        <span className="spinner" aria-hidden="true" />
        {progress ? progress.message : 'Working…'}
      </p>
      {/* Apart from the message, and outside the live region: a clock that ticks
          every second would be read out every second. */}
      {progress ? <p className="progress-elapsed">{formatElapsed(now - Date.parse(progress.since))} so far</p> : null}
      {stepId ? <StepResults lines={linesOfStep(run.lines, stepId)} /> : null}
    </section>
  );
}
