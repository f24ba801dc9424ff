import type { FuzzTarget, PreparedTarget } from './fuzz-target.js';
import { seededRandom } from './seeded-random.js';

/** An input the code under test did not handle: it threw something untyped, hung, or left a rejection behind. */
export interface FuzzFailure {
  index: number;
  kind: 'crash' | 'untyped-refusal' | 'hang' | 'slow' | 'unhandled-rejection';
  message: string;
  how: string[];
  input: Uint8Array;
}

export interface FuzzReport {
  target: string;
  seed: number;
  inputs: number;
  /** How many inputs ended each way ("accepted", "refused:share.checksum", …). */
  outcomes: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
  elapsedMs: number;
}

export interface FuzzOptions {
  seed: number;
  /** Stop after this many inputs … */
  inputs: number;
  /** … or once this much time has passed, whichever comes first. */
  maxMs?: number;
  /** Told about each failure as it happens (the long mode saves the input). */
  onFailure?: (failure: FuzzFailure) => void;
  /** Told about each input before it runs (the long mode's watchdog keeps it, in case it never returns). */
  onInput?: (index: number, input: Uint8Array) => void;
}

/**
 * Feeds `inputs` seeded inputs to a target, one at a time. Each must either
 * be accepted or refused with the target's typed error (a code and a
 * message); anything else — a TypeError or RangeError escaping, an error
 * without a code, a call slower than the target's bound, a promise rejected
 * with nobody listening — is a failure, kept with its input for replay.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const prepared = await target.prepare();
  const random = seededRandom(options.seed);
  const report: FuzzReport = { target: target.name, seed: options.seed, inputs: 0, outcomes: {}, failures: [], slowestMs: 0, elapsedMs: 0 };
  const stray: unknown[] = [];
  const onRejection = (reason: unknown) => void stray.push(reason);
  process.on('unhandledRejection', onRejection);
  const started = performance.now();
  try {
    for (let index = 0; index < options.inputs; index++) {
      if (options.maxMs !== undefined && performance.now() - started > options.maxMs) break;
      const input = prepared.next(random);
      const fail = (kind: FuzzFailure['kind'], message: string) => {
        const failure = { index, kind, message, how: input.how, input: input.bytes };
        report.failures.push(failure);
        options.onFailure?.(failure);
      };
      options.onInput?.(index, input.bytes);
      const t0 = performance.now();
      const outcome = await judge(prepared, input.bytes, target.perInputMs * 4);
      const ms = performance.now() - t0;
      report.slowestMs = Math.max(report.slowestMs, ms);
      // Let a rejection nobody awaited surface before the next input starts.
      await new Promise((resolve) => setImmediate(resolve));
      report.inputs++;
      if ('failure' in outcome) fail(outcome.failure, outcome.message);
      else {
        report.outcomes[outcome.label] = (report.outcomes[outcome.label] ?? 0) + 1;
        if (ms > target.perInputMs) fail('slow', `took ${ms.toFixed(0)} ms (bound ${target.perInputMs} ms)`);
      }
      while (stray.length) fail('unhandled-rejection', describe(stray.shift()));
    }
  } finally {
    process.off('unhandledRejection', onRejection);
    report.elapsedMs = performance.now() - started;
    await prepared.dispose?.();
  }
  return report;
}

type Judgement = { label: string } | { failure: FuzzFailure['kind']; message: string };

async function judge(prepared: PreparedTarget, bytes: Uint8Array, hangMs: number): Promise<Judgement> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Judgement>((resolve) => {
    timer = setTimeout(() => resolve({ failure: 'hang', message: `no answer after ${hangMs} ms` }), hangMs);
  });
  const attempt = (async (): Promise<Judgement> => {
    try {
      return { label: await prepared.run(bytes) };
    } catch (error) {
      if (!prepared.isRefusal(error)) return { failure: 'crash', message: describe(error) };
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (typeof code !== 'string' || code === '' || typeof message !== 'string' || message.trim() === '') {
        return { failure: 'untyped-refusal', message: `refused without a code and a message: ${describe(error)}` };
      }
      return { label: `refused:${code}` };
    }
  })();
  try {
    return await Promise.race([attempt, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(error);
}

/** The report's failures as lines a person reads in a test failure or on the terminal. */
export function describeFailures(report: FuzzReport): string {
  return report.failures.map((f) => `#${f.index} [${f.kind}] after ${f.how.join(', ')}: ${f.message.split('\n')[0]}`).join('\n');
}
