/**
 * Messages for zod's built-in checks, written for a person editing a YAML
 * script: what was found, and what is expected instead. Messages a schema
 * gives itself take precedence over these.
 */
import type { z } from 'zod';
import { closestName } from './closest-name.js';

const expectedNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a section of "field: value" lines',
};

/** The error map `validateCeremonyScript` parses with. */
export const scriptErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `missing: expected ${expected}`;
      if (issue.input === null) return `empty: expected ${expected}`;
      return `expected ${expected}, found ${describeValue(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `expected ${JSON.stringify(issue.values[0])}, found ${describeValue(issue.input)}`;
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}; found ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `needs at least ${issue.minimum} characters`;
      return `expected ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}, found ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      return `expected ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}, found ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return unknownFieldsMessage(issue.keys, knownFields(issue.inst));
    case 'invalid_format':
      return `not a valid ${issue.format}: found ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};

/** "unknown field "treshold" (did you mean "threshold"?); expected: threshold, custodians, ..." */
export function unknownFieldsMessage(keys: readonly string[], known: readonly string[]): string {
  const list = keys.map((k) => JSON.stringify(k)).join(', ');
  const [first] = keys;
  const near = keys.length === 1 && first !== undefined ? closestName(first, known) : undefined;
  const hint = near ? ` (did you mean "${near}"?)` : '';
  const allowed = known.length > 0 ? `; this section takes: ${known.join(', ')}` : '';
  return `unknown field${keys.length > 1 ? 's' : ''} ${list}${hint}${allowed}`;
}

function knownFields(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** How a value found in the YAML reads in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
