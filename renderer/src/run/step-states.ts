import type { TranscriptTail } from '../../../shared/ipc/runner-events.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';

/** Where a step of the plan stands, as the transcript says. */
export type StepState = 'done' | 'current' | 'stopped' | 'waiting';

/** Each step's state: completed ones are done; the one started last and not completed is current (or stopped when the run stopped). */
export function stepStates(plan: CeremonyPlan, lines: readonly TranscriptTail[], stopped: boolean): Map<string, StepState> {
  const completed = new Set(lines.filter((l) => l.type === 'step.completed').map((l) => l.step));
  const started = lines.filter((l) => l.type === 'step.started' && !completed.has(l.step)).at(-1)?.step;
  const states = new Map<string, StepState>();
  for (const step of plan.steps) {
    states.set(step.id, completed.has(step.id) ? 'done' : step.id === started ? (stopped ? 'stopped' : 'current') : 'waiting');
  }
  return states;
}

/** The lines that belong to one step, in order. */
export function linesOfStep(lines: readonly TranscriptTail[], stepId: string): TranscriptTail[] {
  return lines.filter((l) => l.step === stepId);
}
