import type { Command } from './command.js';
import { hsmKeysCommand } from './hsm-keys-command.js';
import { hsmListCommand } from './hsm-list-command.js';

/** Every `conclave` command, in the order the usage text lists them. */
export const commands: Command[] = [
  hsmListCommand,
  hsmKeysCommand,
];
