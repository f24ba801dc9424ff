import { describe, expect, it } from 'vitest';
import { optionValue, parseArgs, UsageError } from '../../../main/cli/args.js';

const HSM_KEYS: { values?: string[]; flags?: string[] } = { values: ['token', 'pin-source', 'module', 'serial'], flags: ['json'] };

function usageError(argv: string[], spec = HSM_KEYS): UsageError {
  let error: unknown;
  try {
    parseArgs(argv, spec);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('parsing a command line', () => {
  it('takes "--name value" and "--name=value" alike', () => {
    const args = parseArgs(['--token', 'root CA', '--pin-source=file:/run/pin'], HSM_KEYS);
    expect(optionValue(args, 'token')).toBe('root CA');
    expect(optionValue(args, 'pin-source')).toBe('file:/run/pin');
  });

  it('keeps everything after the first "=" as the value', () => {
    expect(optionValue(parseArgs(['--module=/opt/a=b/lib.so'], HSM_KEYS), 'module')).toBe('/opt/a=b/lib.so');
  });

  it('a declared flag is true and never swallows the next word', () => {
    const args = parseArgs(['--json', 'script.yaml'], HSM_KEYS);
    expect(args.options.get('json')).toBe(true);
    expect(args.positionals).toEqual(['script.yaml']);
    expect(optionValue(args, 'json')).toBeUndefined();
  });

  it('keeps positionals in order, around options', () => {
    expect(parseArgs(['a', '--token', 't', 'b', '--json', 'c'], HSM_KEYS).positionals).toEqual(['a', 'b', 'c']);
  });

  it('a value that starts with "-" is still the value of an option that takes one', () => {
    expect(optionValue(parseArgs(['--token', '-weird-label'], HSM_KEYS), 'token')).toBe('-weird-label');
  });

  it('the last of a repeated option wins', () => {
    expect(optionValue(parseArgs(['--token', 'a', '--token', 'b'], HSM_KEYS), 'token')).toBe('b');
  });

  it('no arguments: no options, no positionals', () => {
    expect(parseArgs([], HSM_KEYS)).toEqual({ positionals: [], options: new Map() });
  });
});

describe('bad command lines (exit 2)', () => {
  it('an unknown option is named, with the options that exist', () => {
    const error = usageError(['--pin', '1234']);
    expect(error.message).toBe('Unknown option --pin. Options here: --token, --pin-source, --module, --serial, --json.');
  });

  it('an unknown option where a command takes none', () => {
    expect(usageError(['--verbose'], {}).message).toBe('Unknown option --verbose.');
  });

  it('an option missing its value at the end of the line', () => {
    expect(usageError(['--token']).message).toBe('--token needs a value.');
  });

  it('an option given an empty value', () => {
    expect(usageError(['--token=']).message).toBe('--token needs a value.');
  });

  it('a flag given a value', () => {
    expect(usageError(['--json=yes']).message).toBe('--json takes no value.');
  });
});
