import type { Random } from './seeded-random.js';

/**
 * Strings that have broken parsers before: control and invisible characters,
 * a lone surrogate half, right-to-left marks, very long runs, numbers at the
 * edge of a double, YAML and JSON syntax out of place.
 */
export const AWKWARD_TEXT = [
  '',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\u202E',
  '🔑',
  'é',
  '\r',
  '\t',
  '\\',
  '"',
  "'",
  '{',
  '[',
  ':',
  '- ',
  '#',
  '&a',
  '*a',
  '!!binary',
  '<<: *a',
  '---',
  '...',
  '%YAML 1.2',
  '1e309',
  '-0',
  '9007199254740993',
  'NaN',
  'null',
  'true',
  '0x10',
  'x'.repeat(10_000),
];

/** Values a schema meets where it expects something else: every JSON type at its edges. */
export const AWKWARD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  2,
  255,
  256,
  65_536,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1.5,
  1e308,
  '',
  ' ',
  '0',
  'abc',
  'x'.repeat(5_000),
  '00'.repeat(32),
  'AAAA',
  '====',
  '\u0000',
  '\uD800',
  '../../etc/passwd',
  [],
  [null],
  {},
  { '': 0 },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":"x"}'),
];

type LineMutation = (lines: string[], random: Random) => string[];

/** Whole-line edits: what a bad copy, a merge or a hand edit does to a line-based file. */
export const LINE_MUTATIONS: Record<string, LineMutation> = {
  'delete a line': (lines, r) => lines.filter((_, i) => i !== r.int(lines.length)),
  'repeat a line': (lines, r) => {
    const i = r.int(lines.length);
    return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)];
  },
  'swap two lines': (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    const j = r.chance(0.5) ? Math.min(out.length - 1, i + 1) : r.int(out.length);
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  },
  'cut a line short': (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    out[i] = (out[i] ?? '').slice(0, r.int((out[i] ?? '').length + 1));
    return out;
  },
  'insert awkward text': (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    const line = out[i] ?? '';
    const at = r.int(line.length + 1);
    out[i] = line.slice(0, at) + r.pick(AWKWARD_TEXT) + line.slice(at);
    return out;
  },
  'change indentation': (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    out[i] = r.chance(0.5) ? `  ${out[i] ?? ''}` : (out[i] ?? '').replace(/^ {1,2}/, '');
    return out;
  },
  'replace a token': (lines, r) => {
    const out = [...lines];
    const i = r.int(out.length);
    const tokens = (out[i] ?? '').split(/(\s+|[:,"{}[\]])/);
    const t = r.int(tokens.length);
    tokens[t] = r.pick(AWKWARD_TEXT).slice(0, 200);
    out[i] = tokens.join('');
    return out;
  },
};

/** One to three line edits on UTF-8 text, named for the report. */
export function mutateLines(text: string, random: Random): { text: string; how: string[] } {
  const names = Object.keys(LINE_MUTATIONS);
  const how: string[] = [];
  let lines = text.split('\n');
  for (let n = 1 + random.int(3); n > 0; n--) {
    const name = random.pick(names);
    how.push(name);
    lines = LINE_MUTATIONS[name]!(lines, random);
  }
  return { text: lines.join('\n'), how };
}

/**
 * Replaces, deletes or reshapes one value somewhere in a parsed JSON (or
 * YAML) document, in place, so the result is still well-formed and reaches
 * the schema and the cross-field checks rather than the tokenizer.
 */
export function mutateValue(document: unknown, random: Random): string {
  const containers: { holder: Record<string, unknown> | unknown[]; key: string | number; path: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => (containers.push({ holder: value, key: i, path: `${path}[${i}]` }), walk(v, `${path}[${i}]`)));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        containers.push({ holder: value as Record<string, unknown>, key: k, path: `${path}.${k}` });
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(document, '');
  if (containers.length === 0) return 'nothing to change';
  const { holder, key, path } = random.pick(containers);
  const current = (holder as Record<string | number, unknown>)[key];
  const choice = random.int(6);
  const set = (v: unknown) => ((holder as Record<string | number, unknown>)[key] = v);
  if (choice === 0) {
    if (Array.isArray(holder)) holder.splice(key as number, 1);
    else delete holder[key as string];
    return `delete ${path}`;
  }
  if (choice === 1 && typeof current === 'string' && current.length > 0) {
    const at = random.int(current.length);
    set(random.chance(0.5) ? current.slice(0, at) : current.slice(0, at) + String.fromCharCode(32 + random.int(95)) + current.slice(at + 1));
    return `edit the string ${path}`;
  }
  if (choice === 2 && typeof current === 'number') {
    set(random.pick([current + 1, current - 1, -current, current * 2, current / 2, current * 256]));
    return `nudge the number ${path}`;
  }
  if (choice === 3 && Array.isArray(current) && current.length > 0) {
    current.push(structuredClone(random.pick(current)));
    return `repeat an item of ${path}`;
  }
  if (choice === 4 && !Array.isArray(holder)) {
    holder[`${String(key)}_`] = structuredClone(current);
    return `add an unknown field beside ${path}`;
  }
  set(structuredClone(random.pick(AWKWARD_VALUES)));
  return `replace ${path}`;
}
