import type { StepExecutor } from './step-executor.js';

/**
 * Open: the script's exact bytes go into the bundle, and the witness compares
 * its SHA-256 with the reviewed one ("reviewed equals executed"). The room
 * settings are shown apart from it.
 */
export const openStep: StepExecutor<'open'> = async (ctx, step) => {
  if (ctx.earlier('file.written').some((e) => e.data.path === 'ceremony.yaml')) return;
  await ctx.bundle.writeFile('ceremony.yaml', ctx.loaded.bytes);
  const room = `Room settings: module ${ctx.room.modulePath}, token "${ctx.room.tokenLabel}"${ctx.room.rehearsal ? ', REHEARSAL on a throwaway SoftHSM token' : ''}.`;
  await ctx.acknowledge(step, 'The script SHA-256 equals the reviewed one', `Script SHA-256: ${ctx.loaded.sha256}. ${room}`);
};
