import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'root-key-generation.yaml');
const CLI = join(ROOT, 'main', 'cli', 'conclave.js');
const PRELOAD = join(ROOT, 'bench', 'baselines', 'peak-rss-preload.mjs');

/** One `conclave rehearse` run as a child process. */
export interface RehearsalRun {
  custodians: number;
  threshold: number;
  /** Wall time of the whole command: ceremony, recovery drill and verify. */
  ms: number;
  /** The CLI process's peak resident set (VmHWM), MB. */
  peakRssMb: number;
}

interface ScriptShape {
  participants: { name: string; role: string }[];
  backup: { threshold: number; custodians: string[] };
  certificates: { csr?: string }[];
}

/**
 * The example root script with `custodians` custodians (named "Custodian
 * 001"…) and the given threshold, the CSR path made absolute; everything
 * else as shipped.
 */
export function rootScriptWithCustodians(dir: string, custodians: number, threshold: number): string {
  const script = parse(readFileSync(EXAMPLE, 'utf8')) as ScriptShape;
  const names = Array.from({ length: custodians }, (_, i) => `Custodian ${String(i + 1).padStart(3, '0')}`);
  script.participants = [...script.participants.filter((p) => p.role !== 'custodian'), ...names.map((name) => ({ name, role: 'custodian' }))];
  script.backup.custodians = names;
  script.backup.threshold = threshold;
  for (const cert of script.certificates) if (cert.csr) cert.csr = join(ROOT, 'examples', cert.csr);
  const path = join(dir, `root-${custodians}-custodians.yaml`);
  writeFileSync(path, stringify(script));
  return path;
}

/**
 * `conclave rehearse` of that script, in a child process as a user runs it,
 * without PDFs: CONCLAVE_CHROMIUM names a missing browser, so the transcript
 * and the cards are written as the HTML the CLI falls back to (there is no
 * switch to skip printing; main/transcript/print/chromium.ts).
 * @throws Error when the rehearsal does not pass.
 */
export function rehearseAsChild(custodians: number, threshold: number): RehearsalRun {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-rehearsal-'));
  try {
    const script = rootScriptWithCustodians(dir, custodians, threshold);
    const rssFile = join(dir, 'peak-rss');
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', PRELOAD, CLI, 'rehearse', '--script', script, '--out', join(dir, 'bundle')], {
      env: { ...process.env, CONCLAVE_CHROMIUM: join(dir, 'no-chromium'), CONCLAVE_BENCH_PEAK_RSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    // The practice USB copies go to fresh temporary folders the command names.
    for (const [, medium] of run.stdout.matchAll(/^USB copy \d+ \(practice\): (.+)$/gm)) rmSync(medium!, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(`conclave rehearse with ${custodians} custodians failed (exit ${run.status}): ${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`);
    return { custodians, threshold, ms, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let measured: Promise<{ small: RehearsalRun; large: RehearsalRun }> | undefined;

/**
 * The 5-custodian (3 of 5, as the example) and 255-custodian (128 of 255)
 * rehearsals, run once per bench run and shared by custodians_255 and peak_rss_mb.
 */
export function custodianRehearsals(): Promise<{ small: RehearsalRun; large: RehearsalRun }> {
  measured ??= (async () => ({ small: rehearseAsChild(5, 3), large: rehearseAsChild(255, 128) }))();
  return measured;
}
