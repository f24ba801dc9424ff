import type { Command } from './command.js';

/** Every `conclave` command, in the order the usage text lists them. */
export const commands: Command[] = [];
