import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import type { FigureResult } from './figure.js';

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** The machine the figures were measured on, as the table's heading says it. */
export function describeMachine(): string {
  const cpu = cpus();
  const softhsm = (() => {
    try {
      return execFileSync('softhsm2-util', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not installed';
    }
  })();
  return [
    `- Cores: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${type()} ${release()}`,
    `- Node.js: ${process.version}`,
    `- SoftHSM: ${softhsm}`,
  ].join('\n');
}

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** The markdown table of every figure, in report order; one never measured says so. */
export function benchmarksTable(names: string[], results: Record<string, FigureResult>): string {
  const rows = names.map((name) => {
    const r = results[name];
    if (!r) return `| ${name} | not measured | | | |`;
    return `| ${name} | ${formatValue(r.value)} ${r.unit} | ${r.goal} | ${r.met ? 'met' : '**not met**'} | ${r.baseline.replace(/\|/g, '\\|')} |`;
  });
  return ['| figure | value | goal | status | baseline (same run) |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * Writes the table and the machine into docs/benchmarks.md between the bench
 * markers, keeping everything outside them (the notes on each figure) as it
 * is; creates the file with its headings when it does not exist.
 */
export function writeBenchmarksDoc(path: string, names: string[], results: Record<string, FigureResult>, now = new Date()): void {
  const generated = [BEGIN, `Measured ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC on:`, '', describeMachine(), '', benchmarksTable(names, results), END].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n\`npm run bench\` measures every figure against its baseline in the same run and writes bench/results.json and the table below.\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${generated}${current.slice(end + END.length)}` : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(path, next);
}
