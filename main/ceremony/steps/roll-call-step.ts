import type { StepExecutor } from './step-executor.js';

/** Roll call: the witness marks every participant present, one by one. */
export const rollCallStep: StepExecutor<'roll-call'> = async (ctx, step) => {
  const already = new Set(ctx.earlier('participant.present').map((e) => e.data.name));
  for (const name of step.action.participants) {
    if (already.has(name)) continue;
    const role = ctx.script.participants.find((p) => p.name === name)!.role;
    await ctx.host.acknowledge({ step: step.id, title: `${name} is present`, detail: `The witness confirms that ${name} (${role}) is in the room.`, actor: ctx.witness });
    await ctx.record('participant.present', step, ctx.witness, { name, role });
  }
};
