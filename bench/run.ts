import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchmarksDoc } from './benchmarks-doc.js';
import { figures } from './figures.js';
import type { FigureResult } from './figure.js';

/**
 * `npm run bench [name ...]`: measures every figure (or the named ones), prints
 * a table, merges the results into bench/results.json (kept out of git) and
 * writes the table of every figure, with the machine, into docs/benchmarks.md.
 * Each figure is a ratio or bound against a baseline measured in the same run.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsPath = join(root, 'bench', 'results.json');
const wanted = process.argv.slice(2);
const selected = wanted.length ? figures.filter((f) => wanted.includes(f.name)) : figures;
if (wanted.length && selected.length !== wanted.length) {
  const known = figures.map((f) => f.name).join(', ');
  console.error(`Unknown figure. Known figures: ${known}`);
  process.exit(2);
}

const results: Record<string, FigureResult> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
let failed = 0;
for (const figure of selected) {
  process.stderr.write(`measuring ${figure.name} …\n`);
  const result = await figure.run();
  results[figure.name] = result;
  if (!result.met) failed++;
  mkdirSync(dirname(resultsPath), { recursive: true });
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
}

const rows = selected.map((f) => {
  const r = results[f.name]!;
  return `| ${f.name} | ${formatValue(r.value)} ${r.unit} | ${r.goal} | ${r.met ? 'met' : 'NOT met'} | ${r.baseline} |`;
});
console.log(['| figure | value | goal | status | baseline |', '|---|---|---|---|---|', ...rows].join('\n'));
const docPath = join(root, 'docs', 'benchmarks.md');
writeBenchmarksDoc(docPath, figures.map((f) => f.name), results);
console.log(`\nWritten: ${resultsPath} and ${docPath}`);
process.exitCode = failed ? 1 : 0;

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}
