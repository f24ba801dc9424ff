import { startCeremony } from '../ceremony/runner/start-ceremony.js';
import { parsePinSource } from '../hsm/pin-source.js';
import { readAnswersFile } from './answers-file.js';
import { optionValue, parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { describeFinished } from './describe-finished.js';
import { TerminalHost } from './terminal-host.js';

/** `conclave run SCRIPT --out DIR [--module PATH] [--token LABEL] [--pin-source SRC] [--answers FILE] [--source DIR]`. */
export const runCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['out', 'module', 'token', 'pin-source', 'answers', 'source'] });
    const [scriptPath, ...extra] = args.positionals;
    const out = optionValue(args, 'out');
    if (!scriptPath || extra.length > 0) throw new UsageError('Give one script: conclave run SCRIPT --out DIR.');
    if (!out) throw new UsageError('Give the bundle folder: --out DIR (new or empty).');
    const pinSource = optionValue(args, 'pin-source');
    const answers = optionValue(args, 'answers');
    const host = new TerminalHost(io, pinSource ? parsePinSource(pinSource) : undefined, answers ? readAnswersFile(answers) : {});
    try {
      const modulePath = optionValue(args, 'module');
      const tokenLabel = optionValue(args, 'token');
      const source = optionValue(args, 'source');
      const finished = await startCeremony({ scriptPath, bundleDir: out, host, ...(modulePath ? { modulePath } : {}), ...(tokenLabel ? { tokenLabel } : {}), ...(source ? { source } : {}) });
      io.stdout.write(describeFinished(finished));
      return 0;
    } catch (error) {
      io.stderr.write(`\nThe ceremony stopped. Everything recorded so far is in ${out}; continue with: conclave resume ${out}\n`);
      throw error;
    } finally {
      host.close();
    }
  },
};
