/** A bad command line: exit code 2 (design/FORMATS.md, CLI). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  /** Words that are not options, in order. */
  positionals: string[];
  /** `--name value` and `--name=value`; flags given alone are `true`. */
  options: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--flag` options. Which names
 * take a value is declared by the command, so `--json DIR` is never misread.
 * @throws UsageError for an unknown option or a missing value.
 */
export function parseArgs(argv: string[], spec: { values?: string[]; flags?: string[] }): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flags.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value.`);
      options.set(name, true);
    } else if (values.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
      options.set(name, value);
    } else {
      const known = [...values, ...flags].map((n) => `--${n}`).join(', ');
      throw new UsageError(`Unknown option --${name}.${known ? ` Options here: ${known}.` : ''}`);
    }
  }
  return { positionals, options };
}

/** The value of an option that must be a string (not a bare flag). */
export function optionValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
