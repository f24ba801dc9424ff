import { CeremonyError } from './ceremony-error.js';
import { executors } from '../steps/executors.js';
import type { StepExecutor } from '../steps/step-executor.js';
import type { RunContext } from './run-context.js';
import { finishCeremony, type FinishedBundle } from './finish-ceremony.js';

/**
 * Refuses a plan with a step this Conclave cannot run, before anything is
 * touched (the HSM, the bundle).
 * @throws CeremonyError STEP_FAILED naming the step types missing.
 */
export function assertRunnable(ctx: Pick<RunContext, 'plan'>): void {
  const missing = [...new Set(ctx.plan.steps.map((s) => s.action.type).filter((t) => !executors[t]))];
  if (missing.length > 0) throw new CeremonyError('STEP_FAILED', `This version of Conclave cannot run ${missing.join(', ')} steps of a ${ctx.plan.kind} ceremony. Nothing was done.`);
}

/**
 * Walks the plan from the first step not yet completed: step.started, the
 * step's own events, step.completed; then ceremony.closed and the close
 * outside the transcript (seal, print, SHA256SUMS). A step that fails is
 * recorded as a deviation with what went wrong; the transcript stays open,
 * so the ceremony can be resumed.
 */
export async function walkPlan(ctx: RunContext, completed: ReadonlySet<string>, resumeInside?: string): Promise<FinishedBundle> {
  for (const step of ctx.plan.steps) {
    if (completed.has(step.id)) continue;
    const execute = executors[step.action.type] as StepExecutor | undefined;
    if (!execute) throw new CeremonyError('STEP_FAILED', `No executor for ${step.action.type}.`);
    ctx.currentStep = step.id;
    if (step.id !== resumeInside) await ctx.record('step.started', step, ctx.administrator, { title: step.title });
    ctx.host.notify?.({ kind: 'step', step: step.id, state: 'started' });
    try {
      await execute(ctx, step);
    } catch (error) {
      await ctx.record('deviation.recorded', step, 'system', { description: `The step "${step.title}" stopped: ${error instanceof Error ? error.message : String(error)}`, recordedBy: 'system' }).catch(() => undefined);
      throw error;
    }
    // Its fsync is the next line's (step.started or ceremony.closed, written at
    // once): a crash in between loses only the completion, and resume redoes
    // a step whose completion is missing from the events its work recorded.
    await ctx.record('step.completed', step, 'system', {}, { durable: false });
    ctx.host.notify?.({ kind: 'step', step: step.id, state: 'completed' });
  }
  if (!ctx.previousEvents.some((e) => e.type === 'ceremony.closed')) {
    await ctx.record('ceremony.closed', 'close', ctx.administrator, { steps: ctx.plan.steps.length, rehearsal: ctx.room.rehearsal });
    await ctx.journal.close();
  }
  return finishCeremony(ctx);
}
