import { ScriptError } from '../ceremony/script/script-error.js';
import { loadScript, type LoadedScript } from '../ceremony/script/load-script.js';
import type { PlannedStep } from '../../shared/script/plan.js';
import { optionValue, parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';

/**
 * `conclave script check FILE [--source DIR] [--json]`: validates a script and
 * prints its SHA-256 and plan, or every problem as file:line:column (exit 2).
 */
export const scriptCheckCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['source'], flags: ['json'] });
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new UsageError('Name the script to check: conclave script check FILE');
    if (extra.length > 0) throw new UsageError(`One script at a time; also given: ${extra.join(' ')}`);
    const source = optionValue(args, 'source');
    const json = args.options.has('json');
    let loaded: LoadedScript;
    try {
      loaded = await loadScript(file, source !== undefined ? { source } : {});
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      if (json) io.stdout.write(`${JSON.stringify({ ok: false, file, code: error.code, message: error.message, problems: error.problems }, null, 2)}\n`);
      for (const line of error.describe()) io.stderr.write(`${line}\n`);
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ ok: true, file, sha256: loaded.sha256, sourceDir: loaded.sourceDir, plan: loaded.plan }, null, 2)}\n`);
    } else {
      io.stdout.write(describeLoaded(file, loaded, source !== undefined));
    }
    return 0;
  },
};

function describeLoaded(file: string, loaded: LoadedScript, sourceGiven: boolean): string {
  const { script, plan } = loaded;
  const head = [
    ['Script', file],
    ['SHA-256', loaded.sha256],
    ['Kind', script.kind],
    ['Id', script.id],
    ['Title', script.title],
    ...(loaded.sourceDir !== undefined ? [['Source', `${loaded.sourceDir}${sourceGiven ? ' (given with --source)' : ''}`]] : []),
  ];
  const lines = head.map(([k, v]) => `${k!.padEnd(9)}${v}`);
  lines.push('', `Plan: ${plan.steps.length} steps`, '');
  plan.steps.forEach((step, i) => lines.push(...describeStep(step, i + 1), ''));
  return `${lines.join('\n')}\n`;
}

function describeStep(step: PlannedStep, number: number): string[] {
  const indent = '     ';
  const lines = [`${String(number).padStart(3)}. ${step.id} — ${step.title}`, ...wrap(step.instructions, indent)];
  if (step.extraInstructions !== undefined) lines.push(...wrap(`Team: ${step.extraInstructions}`, indent));
  for (const output of step.creates) lines.push(`${indent}creates ${output.kind} ${output.name}: ${output.description}`);
  if (step.irreversible !== null) lines.push(...wrap(`IRREVERSIBLE — type ${step.irreversible.word} to go ahead. ${step.irreversible.consequence}`, indent));
  return lines;
}

/** Wraps text at word boundaries to fit a terminal, each line indented. */
function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}
