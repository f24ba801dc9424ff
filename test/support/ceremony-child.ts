/**
 * A ceremony in a child process, so a test can kill it (SIGKILL) at a chosen
 * point. Usage: tsx ceremony-child.ts start SCRIPT BUNDLE | resume BUNDLE
 * The token PIN comes from CONCLAVE_TEST_PIN (for the token CONCLAVE_TEST_TOKEN);
 * every transcript event is printed to stdout as a JSON line as soon as it is
 * on disk. CONCLAVE_TEST_KILL_AT ({"type", "step"?} as JSON) makes the process
 * SIGKILL itself the moment that event is on disk: a crash at an exact point.
 */
import { PracticeHost } from '../../main/ceremony/rehearsal/practice-host.js';
import { resumeCeremony } from '../../main/ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../../main/ceremony/runner/start-ceremony.js';
import { SOFTHSM_MODULE } from './softhsm.js';

const [mode, ...rest] = process.argv.slice(2);
const pins = new Map([[process.env.CONCLAVE_TEST_TOKEN!, new TextEncoder().encode(process.env.CONCLAVE_TEST_PIN!)]]);
const killAt = process.env.CONCLAVE_TEST_KILL_AT ? (JSON.parse(process.env.CONCLAVE_TEST_KILL_AT) as { type: string; step?: string }) : undefined;
const host = new PracticeHost(pins, (notice) => {
  if (notice.kind !== 'event') return;
  process.stdout.write(`${JSON.stringify({ seq: notice.seq, type: notice.type, step: notice.step })}\n`);
  if (killAt && notice.type === killAt.type && (killAt.step === undefined || notice.step === killAt.step)) process.kill(process.pid, 'SIGKILL');
});
try {
  const finished =
    mode === 'start'
      ? await startCeremony({ scriptPath: rest[0]!, bundleDir: rest[1]!, host, rehearsal: true, modulePath: SOFTHSM_MODULE })
      : await resumeCeremony({ bundleDir: rest[0]!, host, modulePath: SOFTHSM_MODULE });
  process.stdout.write(`${JSON.stringify({ finished: finished.bundleDir })}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
