import type { Command } from './command.js';
import { rehearseCommand } from './rehearse-command.js';
import { resumeCommand } from './resume-command.js';
import { runCommand } from './run-command.js';
import { hsmKeysCommand } from './hsm-keys-command.js';
import { hsmListCommand } from './hsm-list-command.js';
import { scriptCheckCommand } from './script-check-command.js';
import { shareCheckCommand } from './share-check-command.js';
import { verifyCommand } from './verify-command.js';

/** Every `conclave` command, in the order the usage text lists them. */
export const commands: Command[] = [
  rehearseCommand,
  runCommand,
  resumeCommand,
  verifyCommand,
  shareCheckCommand,
  scriptCheckCommand,
  hsmListCommand,
  hsmKeysCommand,
];
