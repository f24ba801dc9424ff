import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { rehearse } from '../ceremony/rehearsal/rehearse.js';
import { optionValue, parseArgs } from './args.js';
import type { Command } from './command.js';

const DEFAULT_SCRIPT = fileURLToPath(new URL('../../examples/root-key-generation.yaml', import.meta.url));

/**
 * `conclave rehearse [--script FILE] [--out DIR]`: the whole ceremony on a
 * throwaway SoftHSM token with practice answers, the recovery drill, and
 * verify. Exit 0 only if all of it passed.
 */
export const rehearseCommand: Command = {
  name: 'rehearse',
  synopsis: 'rehearse [--script FILE] [--out DIR]            a whole ceremony on a throwaway SoftHSM token, then verify',
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['script', 'out'] });
    const scriptPath = optionValue(args, 'script') ?? DEFAULT_SCRIPT;
    const out = resolve(optionValue(args, 'out') ?? `conclave-rehearsal-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`);
    io.stderr.write(`REHEARSAL of ${scriptPath}\n  on a throwaway SoftHSM token; the bundle goes to ${out}\n\n`);
    const result = await rehearse({
      scriptPath,
      bundleDir: out,
      onNotice: (n) => {
        if (n.kind === 'step' && n.state === 'started') io.stderr.write(`▶ ${n.step}\n`);
        if (n.kind === 'progress') io.stderr.write(`  ${n.message}\n`);
      },
    });
    const lines = [
      '',
      `Bundle: ${result.finished.bundleDir} (${result.finished.files} files; SHA256SUMS SHA-256 ${result.finished.sumsSha256})`,
      ...(result.finished.printNotice ? [result.finished.printNotice] : []),
      ...result.media.map((m, i) => `USB copy ${i + 1} (practice): ${m}`),
    ];
    if (result.drill) {
      lines.push(`Recovery drill: members ${result.drill.members.join(', ')} rebuilt the KEK (KCV ${result.drill.kcv}) into a second token;`);
      for (const proof of result.drill.proofs) lines.push(`  ${proof.label}: ${proof.proof}`);
    }
    lines.push('', 'Verify:');
    for (const check of result.report.checks) lines.push(`  ${check.status.toUpperCase().padEnd(10)} ${check.name}: ${check.detail}`);
    lines.push('', result.ok ? 'REHEARSAL PASSED: the bundle verified and the backup was restored and proven.' : `REHEARSAL FAILED: verify says ${result.report.verdict}.`);
    io.stdout.write(lines.join('\n') + '\n');
    return result.ok ? 0 : 1;
  },
};
