import type { JsonValue } from '../../../shared/ipc/json.js';

/** The script being edited, as plain data: what the form shows and what is saved as YAML. */
export type Draft = { [key: string]: JsonValue };

/** One step into the draft: a field name or a list index, as zod's issue paths name them. */
export type DraftPath = readonly (string | number)[];

/** The value at `path`, or undefined where the draft has none. */
export function valueAt(draft: JsonValue | undefined, path: DraftPath): JsonValue | undefined {
  let here: JsonValue | undefined = draft;
  for (const step of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Array.isArray(here) ? here[step as number] : here[step as string];
  }
  return here;
}

/**
 * A copy of `draft` with `value` at `path` (undefined removes the field);
 * the sections on the way are copied, the rest shared. Missing sections are made.
 */
export function withValue(draft: Draft, path: DraftPath, value: JsonValue | undefined): Draft {
  return setIn(draft, path, value) as Draft;
}

function setIn(here: JsonValue | undefined, path: DraftPath, value: JsonValue | undefined): JsonValue | undefined {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  if (typeof step === 'number') {
    const list = Array.isArray(here) ? [...here] : [];
    const next = setIn(list[step], rest, value);
    if (next === undefined) list.splice(step, 1);
    else list[step] = next;
    return list;
  }
  const section: { [key: string]: JsonValue } = here !== null && typeof here === 'object' && !Array.isArray(here) ? { ...here } : {};
  const next = setIn(section[step], rest, value);
  if (next === undefined) delete section[step];
  else section[step] = next;
  return section;
}

/** The list at `path`, or an empty one. */
export function listAt(draft: Draft, path: DraftPath): JsonValue[] {
  const found = valueAt(draft, path);
  return Array.isArray(found) ? found : [];
}

/**
 * The draft as the schema and the file get it: an optional field left empty
 * (the module path, an expected token fact) is left out, since the schema
 * reads an empty text as a value; so is `expect` once nothing is expected.
 */
export function scriptOf(draft: Draft): Draft {
  return clean(draft) as Draft;
}

/** Fields the schema accepts left out but refuses empty. */
const OPTIONAL_FIELDS = new Set(['module', 'expect', 'manufacturer', 'model', 'serial', 'firmware']);

function clean(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== 'object') return value;
  const section: { [key: string]: JsonValue } = {};
  for (const [key, inner] of Object.entries(value)) {
    const kept = clean(inner);
    const empty = kept === '' || (kept !== null && typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0);
    if (!(empty && OPTIONAL_FIELDS.has(key))) section[key] = kept;
  }
  return section;
}

/** A participant as the form edits it. */
export interface ParticipantRow {
  name: string;
  role: string;
}

/**
 * The draft after participant `index` changed to `next` (null: removed), with
 * the root ceremony's backup custodians kept in step: a renamed custodian is
 * renamed there, a removed one (or one given another role) leaves, a new
 * custodian joins at the end — every custodian must hold a share.
 */
export function withParticipant(draft: Draft, index: number, next: ParticipantRow | null): Draft {
  const before = valueAt(draft, ['participants', index]) as ParticipantRow | undefined;
  let updated = withValue(draft, ['participants', index], next === null ? undefined : { ...next });
  if (draft.kind !== 'root-key-generation') return updated;
  const custodians = listAt(updated, ['backup', 'custodians']).filter((c): c is string => typeof c === 'string');
  const wasCustodian = before?.role === 'custodian';
  const isCustodian = next?.role === 'custodian';
  let list = custodians;
  if (wasCustodian && !isCustodian) list = custodians.filter((c) => c !== before.name);
  else if (wasCustodian && isCustodian && before.name !== next.name) list = custodians.map((c) => (c === before.name ? next.name : c));
  else if (!wasCustodian && isCustodian && !custodians.includes(next.name)) list = [...custodians, next.name];
  if (list !== custodians) updated = withValue(updated, ['backup', 'custodians'], list);
  return updated;
}
