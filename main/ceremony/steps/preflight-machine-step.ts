import { judgeMachine, readMachineFacts } from '../preflight/machine-checks.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Pre-flight of the machine. A live network interface stops the ceremony
 * when the script requires an air gap; otherwise the witness acknowledges it
 * and it is recorded as a deviation. The witness confirms the clock.
 */
export const preflightMachineStep: StepExecutor<'preflight.machine'> = async (ctx, step) => {
  const facts = readMachineFacts(ctx.now());
  // A rehearsal runs on an ordinary, networked machine: the air gap it will
  // need on the day is shown and acknowledged, not enforced.
  const airGap = ctx.room.rehearsal ? 'warn' : step.action.airGap;
  const checks = judgeMachine(facts, airGap);
  await ctx.record('preflight.machine', step, 'system', {
    hostname: facts.hostname,
    os: facts.os,
    node: facts.node,
    appVersion: facts.app.version,
    appSha256: facts.app.codeSha256,
    appFiles: facts.app.codeFiles,
    networkInterfacesUp: facts.networkInterfaces.map((i) => `${i.name} ${i.addresses.join(' ')}`),
    clock: facts.clock,
    checks: checks.map((c) => ({ id: c.id, status: c.status, detail: c.detail })),
  });
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length > 0) {
    throw new CeremonyError('PREFLIGHT_FAILED', failed.map((c) => `${c.title}: ${c.detail} ${c.action ?? ''}`.trim()).join(' '));
  }
  const network = checks.find((c) => c.id === 'network' && c.status === 'warn');
  if (network) {
    await ctx.acknowledge(step, 'Network interfaces are up (warning acknowledged)', `${network.detail} ${network.action ?? ''}`);
    const allowed = ctx.room.rehearsal && step.action.airGap === 'required' ? 'The script requires an air gap; a rehearsal only warns' : 'The script allows this with a warning (airGap: warn)';
    await ctx.record('deviation.recorded', step, ctx.witness, { description: `Pre-flight: ${network.detail} ${allowed}; the witness acknowledged it.`, recordedBy: ctx.witness });
  }
  await ctx.acknowledge(step, 'The clock is right', `The machine's clock reads ${facts.clock} (UTC). Compare it with a trusted watch.`);
};
