import { Hsm } from '../hsm/hsm.js';
import { formatTokenUri } from '../hsm/pkcs11-uri.js';
import { describePinState, type TokenInfo } from '../hsm/token-info.js';
import type { MechanismInfo } from '../hsm/mechanism-info.js';
import { optionValue, parseArgs } from './args.js';
import type { Command } from './command.js';
import { formatTable } from './table.js';

/** `conclave hsm list [--module PATH] [--json]`: slots, tokens, identity, mechanisms. */
export const hsmListCommand: Command = {
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['module'], flags: ['json'] });
    const modulePath = optionValue(args, 'module');
    const hsm = await Hsm.open(modulePath ? { modulePath } : {});
    try {
      const tokens = hsm.tokens().map((token) => ({
        ...token,
        uri: formatTokenUri(token),
        mechanisms: token.flags.tokenInitialized ? hsm.mechanisms({ serial: token.serial }) : [],
      }));
      if (args.options.has('json')) {
        io.stdout.write(JSON.stringify({ module: hsm.modulePath, moduleInfo: hsm.moduleInfo, tokens }, null, 2) + '\n');
        return 0;
      }
      const info = hsm.moduleInfo;
      io.stdout.write(`Module: ${hsm.modulePath}\n        ${info.description} ${info.version} by ${info.manufacturer} (Cryptoki ${info.cryptokiVersion})\n\n`);
      const initialised = tokens.filter((t) => t.flags.tokenInitialized);
      if (initialised.length === 0) io.stdout.write('No initialised token is present.\n');
      for (const token of initialised) io.stdout.write(describeToken(token, token.uri, token.mechanisms));
      const empty = tokens.length - initialised.length;
      if (empty > 0) io.stdout.write(`(${empty} slot${empty === 1 ? '' : 's'} with an uninitialised token not shown in detail.)\n`);
      return 0;
    } finally {
      await hsm.close();
    }
  },
};

function describeToken(token: TokenInfo, uri: string, mechanisms: MechanismInfo[]): string {
  const pin = describePinState(token.flags);
  const facts = [
    ['Token', `"${token.label}"`],
    ['Serial', token.serial],
    ['Manufacturer', token.manufacturer],
    ['Model', token.model],
    ['Firmware', token.firmwareVersion],
    ['Hardware', token.hardwareVersion],
    ['Slot', `${token.slotId} (${token.slotDescription}) — slots can change, tokens are chosen by label or serial`],
    ['Login', token.flags.loginRequired ? 'required' : 'not required'],
    ['PIN', pin || (token.flags.userPinInitialized ? 'set, no wrong tries reported' : 'not initialised')],
    ['URI', uri],
  ];
  const head = facts.map(([k, v]) => `${k!.padEnd(13)}${v}`).join('\n');
  const rows = mechanisms.map((m) => [m.name, m.minKeySize || m.maxKeySize ? `${m.minKeySize}–${m.maxKeySize}` : '', m.flags.join(' ')]);
  return `${head}\n\nMechanisms (${mechanisms.length}):\n${formatTable(['mechanism', 'key sizes', 'flags'], rows)}\n`;
}
