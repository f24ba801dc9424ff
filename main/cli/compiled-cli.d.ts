/** Types of compiled-cli.js (plain JavaScript: it runs before anything compiles TypeScript). */
export declare function compiledCli(
  root: string,
  cache?: string,
): Promise<{ main: (argv: string[], io?: import('./command.js').CommandIo) => Promise<number> } | undefined>;
