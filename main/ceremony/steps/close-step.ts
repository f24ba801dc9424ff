import type { StepExecutor } from './step-executor.js';

/**
 * Close, inside the transcript: the witness confirms every step is done.
 * The seal, the printed transcript and SHA256SUMS follow the last line
 * (runner/finish-ceremony.ts): they are made over the closed transcript, so
 * they cannot be recorded in it.
 */
export const closeStep: StepExecutor<'close'> = async (ctx, step) => {
  await ctx.acknowledge(step, 'Every step is done', `The transcript closes now and is sealed with "${step.action.type === 'close' ? sealKeyLabel(ctx) : ''}". Nothing can be added after this.`);
};

function sealKeyLabel(ctx: Parameters<StepExecutor>[0]): string {
  const script = ctx.script;
  if (script.kind === 'root-key-generation') {
    const audit = script.certificates.find((c) => c.profile === 'audit')!;
    return script.keys.find((k) => k.name === audit.key)!.label;
  }
  return script.seal.key;
}
