import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BundleError } from '../bundle/bundle-error.js';
import { verifyBundle } from '../bundle/verify-bundle.js';
import { verdictSentence, type CheckStatus } from '../bundle/verify-report.js';
import { UsageError, optionValue, parseArgs } from './args.js';
import type { Command } from './command.js';

const LABELS: Record<CheckStatus, string> = { pass: 'ok', fail: 'FAIL', incomplete: 'OPEN', skipped: 'skip' };

/**
 * `conclave verify DIR [--json] [--root FILE]`: checks an evidence bundle, one
 * line per check, then the verdict. Exit 0 only when verified; 1 when a check
 * failed or the transcript is unsealed; 2 for bad usage or a folder that is not a bundle.
 */
export const verifyCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['root'], flags: ['json'] });
    if (args.positionals.length !== 1) throw new UsageError('Usage: conclave verify DIR [--json] [--root FILE]');
    const dir = args.positionals[0]!;
    const rootPath = optionValue(args, 'root');
    const trustedRoot = rootPath === undefined ? undefined : await readRoot(rootPath);
    let report;
    try {
      report = await verifyBundle(dir, trustedRoot ? { trustedRoot } : {});
    } catch (error) {
      if (error instanceof BundleError && (error.code === 'BUNDLE_NOT_A_BUNDLE' || error.code === 'BUNDLE_BAD_PATH')) {
        io.stderr.write(`conclave verify: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (args.options.has('json')) {
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout.write(`Bundle ${dir}\n`);
      for (const check of report.checks) io.stdout.write(`  ${LABELS[check.status].padEnd(4)}  ${check.name}: ${check.detail}\n`);
      io.stdout.write(`${verdictSentence(report)}\n`);
    }
    return report.verdict === 'verified' ? 0 : 1;
  },
};

async function readRoot(path: string): Promise<X509Certificate> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`--root ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    return new X509Certificate(bytes);
  } catch {
    throw new UsageError(`--root ${path} is not a certificate (PEM or DER).`);
  }
}
