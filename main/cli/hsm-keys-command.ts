import { Hsm } from '../hsm/hsm.js';
import { parsePinSource, readPin } from '../hsm/pin-source.js';
import { optionValue, parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { formatTable } from './table.js';
import { readSecretLine } from './terminal-prompt.js';

/** `conclave hsm keys --token LABEL [--pin-source SRC] [--module PATH] [--json]`: the token's objects. */
export const hsmKeysCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['token', 'pin-source', 'module', 'serial'], flags: ['json'] });
    const label = optionValue(args, 'token');
    const serial = optionValue(args, 'serial');
    if (!label && !serial) throw new UsageError('Name the token: --token LABEL (or --serial SERIAL).');
    const source = parsePinSource(optionValue(args, 'pin-source') ?? 'prompt');
    const modulePath = optionValue(args, 'module');
    const hsm = await Hsm.open(modulePath ? { modulePath } : {});
    try {
      const session = await hsm.openSession(label ? { label } : { serial: serial! });
      const pin = await readPin(source, (q) => readSecretLine(io, q), session.token.label);
      try {
        await session.login(pin);
      } finally {
        pin.fill(0);
      }
      const entries = await session.inventory();
      await session.logout();
      await session.close();
      if (args.options.has('json')) {
        io.stdout.write(JSON.stringify({ token: session.token, objects: entries }, null, 2) + '\n');
        return 0;
      }
      io.stdout.write(`Token "${session.token.label}" (serial ${session.token.serial}): ${entries.length} object${entries.length === 1 ? '' : 's'}\n\n`);
      const rows = entries.map((e) => [
        e.class,
        e.label,
        e.id,
        e.keyType ?? '',
        e.sensitive === undefined ? '' : e.sensitive ? 'yes' : 'no',
        e.extractable === undefined ? '' : e.extractable ? 'yes' : 'no',
        e.kcv ? `KCV ${e.kcv}` : e.spkiSha256 ? `SPKI SHA-256 ${e.spkiSha256}` : '',
      ]);
      io.stdout.write(formatTable(['class', 'label', 'id (CKA_ID)', 'type', 'sensitive', 'extractable', 'fingerprint'], rows));
      if (entries.length) io.stdout.write(`\nURIs:\n${entries.map((e) => `  ${e.uri}`).join('\n')}\n`);
      return 0;
    } finally {
      await hsm.close();
    }
  },
};
