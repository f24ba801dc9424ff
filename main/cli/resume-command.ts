import { resumeCeremony } from '../ceremony/runner/resume-ceremony.js';
import { parsePinSource } from '../hsm/pin-source.js';
import { readAnswersFile } from './answers-file.js';
import { optionValue, parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { describeFinished } from './describe-finished.js';
import { TerminalHost } from './terminal-host.js';

/** `conclave resume DIR [--module PATH] [--pin-source SRC] [--answers FILE]`: continue an interrupted ceremony. */
export const resumeCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['module', 'pin-source', 'answers'] });
    const [dir, ...extra] = args.positionals;
    if (!dir || extra.length > 0) throw new UsageError('Give the bundle folder: conclave resume DIR.');
    const pinSource = optionValue(args, 'pin-source');
    const answers = optionValue(args, 'answers');
    const host = new TerminalHost(io, pinSource ? parsePinSource(pinSource) : undefined, answers ? readAnswersFile(answers) : {});
    try {
      const modulePath = optionValue(args, 'module');
      const finished = await resumeCeremony({ bundleDir: dir, host, ...(modulePath ? { modulePath } : {}) });
      io.stdout.write(describeFinished(finished));
      return 0;
    } finally {
      host.close();
    }
  },
};
