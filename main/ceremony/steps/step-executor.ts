import type { PlannedStep, StepAction } from '../../../shared/script/plan.js';
import type { RunContext } from '../runner/run-context.js';

/** Runs one planned step of a given action type. It records its own events; the runner records step.started/completed. */
export type StepExecutor<T extends StepAction['type'] = StepAction['type']> = (ctx: RunContext, step: PlannedStep & { action: Extract<StepAction, { type: T }> }) => Promise<void>;
