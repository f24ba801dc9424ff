import { UsageError } from './args.js';
import type { CommandIo, CommandListing } from './command.js';
import { commands } from './commands.js';
import { describeError } from './describe-error.js';

/**
 * Entry point of `conclave`: finds the command named by the first words and
 * runs it. Returns the exit code (0 success, 1 a check failed, 2 bad usage).
 */
export async function main(argv: string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout.write(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr.write(`conclave: unknown command "${argv.slice(0, 2).join(' ')}".\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    io.stderr.write(`conclave ${command.name}: ${describeError(error)}\n`);
    return error instanceof UsageError ? 2 : exitCodeOf(error);
  }
}

function findCommand(argv: string[]): CommandListing | undefined {
  // Longest name first, so "hsm keys" wins over a hypothetical "hsm".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  return sorted.find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
}

/** Codes of errors that mean "the input given was wrong" (exit 2), not "a check failed" (exit 1). */
const INPUT_ERROR_CODES = new Set(['PIN_SOURCE', 'MODULE_NOT_FOUND', 'MODULE_INVALID', 'INVALID_ARGUMENT', 'TOKEN_NOT_FOUND']);

function exitCodeOf(error: unknown): number {
  const exitCode = (error as { exitCode?: unknown })?.exitCode;
  if (typeof exitCode === 'number') return exitCode;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && INPUT_ERROR_CODES.has(code) ? 2 : 1;
}

function usage(): string {
  const lines = commands.map((c) => `  conclave ${c.synopsis}`);
  return `Conclave — offline key ceremonies on your HSM.\n\nUsage:\n${lines.join('\n')}\n\nExit codes: 0 success, 1 a check failed or the ceremony stopped, 2 bad usage or input.\n`;
}
