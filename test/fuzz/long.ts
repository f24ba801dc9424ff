import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FuzzTarget } from './fuzz-target.js';
import { rehearsalBundle } from './rehearsal-bundle.js';
import { describeFailures, runFuzz, type FuzzFailure } from './run-fuzz.js';
import { backupTarget } from './targets/backup.js';
import { bundleTarget } from './targets/bundle.js';
import { csrTarget } from './targets/csr.js';
import { scriptTarget } from './targets/script.js';
import { sealedShareTarget } from './targets/sealed-share.js';
import { shareWordsTarget } from './targets/share-words.js';
import { transcriptTarget } from './targets/transcript.js';

/**
 * `npm run fuzz [-- --minutes M] [--target NAME ...] [--seed S] [--inputs N]`:
 * the long fuzzing mode, on demand (CI runs only the fixed-seed suites of
 * test/unit/fuzz and test/hsm/robustness). Each target runs in its own child
 * process for M minutes (default 2) or N inputs, from a random seed unless
 * one is given; a watchdog kills a child that stops answering and keeps the
 * input it was on. Every failing input is saved in --findings DIR (default
 * $TMPDIR/conclave-fuzz-findings) as <target>-<seed>-<index>.bin with a .txt saying why.
 * Replay one: --target NAME --seed S --inputs INDEX+1. Exit 1 on any finding.
 */
const TARGETS: Record<string, () => FuzzTarget> = {
  csr: () => csrTarget,
  'share-words': () => shareWordsTarget,
  'sealed-share': () => sealedShareTarget,
  backup: () => backupTarget,
  transcript: () => transcriptTarget,
  script: () => scriptTarget,
  // The real thing, PDFs included: one rehearsal per run.
  bundle: () => bundleTarget(() => rehearsalBundle({ pdf: true })),
};
const WATCHDOG_MS = 120_000;

type ChildMessage = { kind: 'input'; index: number } | { kind: 'done'; summary: string; failures: number };

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '2' },
    target: { type: 'string', multiple: true },
    seed: { type: 'string' },
    inputs: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    findings: { type: 'string', default: join(tmpdir(), 'conclave-fuzz-findings') },
    child: { type: 'boolean', default: false },
  },
});
const FINDINGS = values.findings!;

if (values.child) await runChild();
else await runParent();

async function runParent(): Promise<void> {
  const names = values.target ?? Object.keys(TARGETS);
  const unknown = names.filter((n) => !TARGETS[n]);
  if (unknown.length) {
    console.error(`Unknown target ${unknown.join(', ')}. Targets: ${Object.keys(TARGETS).join(', ')}`);
    process.exit(2);
  }
  mkdirSync(FINDINGS, { recursive: true });
  let findings = 0;
  for (const name of names) {
    const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 32);
    console.log(`fuzzing ${name} for ${values.minutes} min from seed ${seed} …`);
    findings += await watch(name, seed);
  }
  console.log(findings ? `\n${findings} finding(s) in ${FINDINGS}` : '\nNo findings.');
  process.exitCode = findings ? 1 : 0;
}

/** Runs one target in a child; a child silent for WATCHDOG_MS is killed and its current input kept as a hang. */
function watch(name: string, seed: number): Promise<number> {
  const current = join(FINDINGS, `${name}-${seed}-current.bin`);
  const child = fork(process.argv[1]!, ['--child', '--findings', FINDINGS, '--target', name, '--seed', String(seed), '--minutes', values.minutes!, '--inputs', values.inputs!], { execArgv: process.execArgv });
  return new Promise((resolve) => {
    let index = -1;
    let findings = 0;
    let timer = setTimeout(() => undefined, 0);
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const file = join(FINDINGS, `${name}-${seed}-${index}`);
        writeFileSync(`${file}.bin`, readFileSync(current));
        writeFileSync(`${file}.txt`, `hang: no answer for ${WATCHDOG_MS} ms on input ${index}\n`);
        console.log(`  HANG on input ${index}: saved ${file}.bin`);
        findings++;
        child.kill('SIGKILL');
      }, WATCHDOG_MS);
    };
    arm();
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'input') {
        index = message.index;
        arm();
      } else {
        console.log(message.summary);
        findings += message.failures;
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== null && findings === 0) findings++;
      resolve(findings);
    });
  });
}

async function runChild(): Promise<void> {
  const name = values.target![0]!;
  const seed = Number(values.seed);
  const current = join(FINDINGS, `${name}-${seed}-current.bin`);
  const send = (message: ChildMessage) => process.send?.(message);
  const report = await runFuzz(TARGETS[name]!(), {
    seed,
    inputs: Number(values.inputs),
    maxMs: Number(values.minutes) * 60_000,
    onInput: (index, input) => {
      writeFileSync(current, input);
      send({ kind: 'input', index });
    },
    onFailure: (failure: FuzzFailure) => {
      const file = join(FINDINGS, `${name}-${seed}-${failure.index}`);
      writeFileSync(`${file}.bin`, failure.input);
      writeFileSync(`${file}.txt`, `${failure.kind} after ${failure.how.join(', ')}\n${failure.message}\n`);
    },
  });
  const outcomes = Object.entries(report.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([o, n]) => `${o} ${n}`)
    .join(', ');
  const failures = describeFailures(report);
  send({
    kind: 'done',
    failures: report.failures.length,
    summary: `  ${report.inputs} inputs in ${(report.elapsedMs / 1000).toFixed(0)} s, slowest ${report.slowestMs.toFixed(0)} ms; ${outcomes}${failures ? `\n  FAILURES:\n${failures}` : ''}`,
  });
  rmSync(current, { force: true });
  process.disconnect?.();
}
