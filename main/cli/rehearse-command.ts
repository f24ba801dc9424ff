import { resolve } from 'node:path';
import { EXAMPLE_ROOT_SCRIPT, rehearse, type RehearsalResult } from '../ceremony/rehearsal/rehearse.js';
import { ScriptError } from '../ceremony/script/script-error.js';
import { optionValue, parseArgs } from './args.js';
import type { Command } from './command.js';

/**
 * `conclave rehearse [--script FILE] [--out DIR] [--root FILE]`: the whole
 * ceremony on a throwaway SoftHSM token with practice answers — a kind that
 * builds on earlier state first rehearses the root script (--root, the
 * example root by default) on the same token — then the recovery drill where
 * a backup was made, and verify. Exit 0 only if all of it passed; 2 for a
 * script with problems, each printed with its line and column.
 */
export const rehearseCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['script', 'out', 'root'] });
    const scriptPath = optionValue(args, 'script') ?? EXAMPLE_ROOT_SCRIPT;
    const rootScriptPath = optionValue(args, 'root');
    const out = resolve(optionValue(args, 'out') ?? `conclave-rehearsal-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`);
    io.stderr.write(`REHEARSAL of ${scriptPath}\n  on throwaway SoftHSM tokens; the bundle goes to ${out}\n\n`);
    let result: RehearsalResult;
    try {
      result = await rehearse({
        scriptPath,
        bundleDir: out,
        ...(rootScriptPath !== undefined ? { rootScriptPath } : {}),
        onPhase: (phase) => io.stderr.write(`\n== ${phase}\n`),
        onNotice: (n) => {
          if (n.kind === 'step' && n.state === 'started') io.stderr.write(`▶ ${n.step}\n`);
          if (n.kind === 'progress') io.stderr.write(`  ${n.message}\n`);
        },
      });
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      for (const line of error.describe()) io.stderr.write(`${line}\n`);
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    io.stdout.write(describeResult(result).join('\n') + '\n');
    return result.ok ? 0 : 1;
  },
};

function describeResult(result: RehearsalResult): string[] {
  const lines = [
    '',
    `Bundle: ${result.finished.bundleDir} (${result.finished.files} files; SHA256SUMS SHA-256 ${result.finished.sumsSha256})`,
    ...(result.source ? [`Practice root bundle it builds on: ${result.source}`] : []),
    ...(result.finished.printNotice ? [result.finished.printNotice] : []),
    ...result.media.map((m, i) => `USB copy ${i + 1} (practice): ${m}`),
    ...result.shareSticks.map((s) => `Sealed share file of ${s.custodian} (practice stick): ${s.folder}`),
  ];
  if (result.drill) {
    lines.push(`Recovery drill: members ${result.drill.members.join(', ')} rebuilt the KEK (KCV ${result.drill.kcv}) into a second token;`);
    for (const proof of result.drill.proofs) lines.push(`  ${proof.label}: ${proof.proof}`);
  }
  lines.push('', 'Verify:');
  for (const check of result.report.checks) lines.push(`  ${check.status.toUpperCase().padEnd(10)} ${check.name}: ${check.detail}`);
  const passed = result.drill ? 'REHEARSAL PASSED: the bundle verified and the backup was restored and proven.' : 'REHEARSAL PASSED: the bundle verified.';
  lines.push('', result.ok ? passed : `REHEARSAL FAILED: verify says ${result.report.verdict}.`);
  return lines;
}
