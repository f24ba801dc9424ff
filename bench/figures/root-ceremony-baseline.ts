import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PracticeHost } from '../../main/ceremony/rehearsal/practice-host.js';
import { startCeremony } from '../../main/ceremony/runner/start-ceremony.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../test/support/softhsm.js';
import type { Figure } from '../figure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'main', 'cli', 'conclave.js');
const EXAMPLE = join(ROOT, 'examples', 'root-key-generation.yaml');
const BASELINE = join(ROOT, 'bench', 'root-ceremony-baseline.sh');
const CSR = join(ROOT, 'examples', 'csr', 'issuing-ca.csr.pem');
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of a command, which must succeed. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  return { ms, stdout: run.stdout };
}

/** `conclave rehearse` of the example root script without PDFs; its practice USB folders removed afterwards. */
function rehearsal(): number {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-root-'));
  try {
    const { ms, stdout } = timed(process.execPath, [CLI, 'rehearse', '--out', join(dir, 'bundle')], { ...process.env, CONCLAVE_CHROMIUM: join(dir, 'no-chromium') });
    for (const [, medium] of stdout.matchAll(/^USB copy \d+ \(practice\): (.+)$/gm)) rmSync(medium!, { recursive: true, force: true });
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function baseline(): number {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-openssl-'));
  try {
    return timed('sh', [BASELINE, join(dir, 'work'), CSR]).ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ceremony alone, in this process: a fresh token and startCeremony to SHA256SUMS (no start-up, no drill, no verify). */
async function ceremonyInProcess(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-engine-'));
  const saved = process.env.CONCLAVE_CHROMIUM;
  process.env.CONCLAVE_CHROMIUM = join(dir, 'no-chromium');
  const start = performance.now();
  const store = createTokenStore(['acme-root']);
  const host = new PracticeHost(new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]]));
  try {
    await startCeremony({ scriptPath: EXAMPLE, bundleDir: join(dir, 'bundle'), host, rehearsal: true, modulePath: SOFTHSM_MODULE });
    return performance.now() - start;
  } finally {
    for (const medium of host.media) rmSync(medium, { recursive: true, force: true });
    host.forget();
    store.cleanup();
    if (saved === undefined) delete process.env.CONCLAVE_CHROMIUM;
    else process.env.CONCLAVE_CHROMIUM = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * root_ceremony_vs_openssl_baseline: wall time of `conclave rehearse` (the
 * example root ceremony: P-384 root, AES-256 master, P-384 audit key, 3-of-5
 * KEK backup, root, audit and subordinate certificates, CRL, two USB copies,
 * seal, SHA256SUMS; then the recovery drill into a second token and verify),
 * printed documents as HTML (no PDFs), against bench/root-ceremony-baseline.sh
 * doing the same HSM and X.509 work with pkcs11-tool, ssss and openssl with
 * its PKCS#11 engine — the ceremony, then the recovery drill into a second
 * token and the auditor's openssl checks, as the rehearsal ends — in the same
 * run; medians of 5 interleaved rounds. The detail splits ours into the CLI's
 * start-up (`conclave --help`) and the ceremony alone.
 */
export const rootCeremonyVsOpensslBaseline: Figure = {
  name: 'root_ceremony_vs_openssl_baseline',
  async run() {
    rehearsal(); // builds the CLI's bundle (main/cli/compiled-cli.js), as any run after the first finds it
    // Interleaved rounds: a machine shared with other work slows all four alike.
    const runs = { ours: [] as number[], theirs: [] as number[], startup: [] as number[], engine: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      runs.ours.push(rehearsal());
      runs.theirs.push(baseline());
      runs.startup.push(timed(process.execPath, [CLI, '--help']).ms);
      runs.engine.push(await ceremonyInProcess());
    }
    const [ours, theirs, startup, ceremony] = [median(runs.ours), median(runs.theirs), median(runs.startup), median(runs.engine)];
    const ratio = ours / theirs;
    return {
      value: ratio,
      unit: '× baseline',
      goal: '≤ 1.0',
      baseline: `bench/root-ceremony-baseline.sh (pkcs11-tool, ssss, openssl + libengine-pkcs11-openssl on SoftHSM: ceremony, drill, checks), same run: ${theirs.toFixed(0)} ms`,
      met: ratio <= 1,
      detail: {
        conclave_rehearse_ms: ours,
        baseline_ms: theirs,
        cli_startup_ms: startup,
        ceremony_in_process_ms: ceremony,
        ceremony_in_process_vs_baseline: ceremony / theirs,
      },
    };
  },
};
