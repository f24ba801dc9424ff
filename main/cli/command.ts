/** Where a command writes: stdout for results, stderr for messages to the person. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** One `conclave` sub-command. Exit codes: 0 success, 1 a check failed, 2 bad usage or input. */
export interface Command {
  /** Runs it with the arguments after its name. */
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** How a command is listed (main/cli/commands.ts): its name and usage line, and its code, loaded when it runs. */
export interface CommandListing {
  /** The words that name it, e.g. "hsm list". */
  name: string;
  /** One line for the usage text. */
  synopsis: string;
  load(): Promise<Command>;
}
