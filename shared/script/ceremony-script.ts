/**
 * The ceremony script: one schema per kind, chosen by `kind`. The YAML file a
 * team reviews before the day is validated against it before anything
 * touches the HSM; the app's forms use the same schema.
 */
import { z } from 'zod';
import { ceremonyKinds } from './common.js';
import { crlSigningSchema } from './kinds/crl-signing.js';
import { custodianRotationSchema } from './kinds/custodian-rotation.js';
import { keyDestructionSchema } from './kinds/key-destruction.js';
import { keyExportSchema } from './kinds/key-export.js';
import { keyRecoverySchema } from './kinds/key-recovery.js';
import { rootKeyGenerationSchema } from './kinds/root-key-generation.js';
import { subordinateSigningSchema } from './kinds/subordinate-signing.js';
import { scriptErrorMap } from './script-error-map.js';

export const ceremonyScriptSchema = z.discriminatedUnion(
  'kind',
  [
    rootKeyGenerationSchema,
    subordinateSigningSchema,
    crlSigningSchema,
    keyRecoverySchema,
    custodianRotationSchema,
    keyDestructionSchema,
    keyExportSchema,
  ],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = issue.input !== null && typeof issue.input === 'object' ? (issue.input as { kind?: unknown }).kind : undefined;
      return kind === undefined
        ? `missing kind: expected one of ${ceremonyKinds.join(', ')}`
        : `unknown kind ${JSON.stringify(kind)}: expected one of ${ceremonyKinds.join(', ')}`;
    },
  },
);

/** A valid ceremony script, of any kind. */
export type CeremonyScript = z.output<typeof ceremonyScriptSchema>;
/** A script as written, before defaults are applied (what a form edits). */
export type CeremonyScriptInput = z.input<typeof ceremonyScriptSchema>;
/** The script of one kind. */
export type ScriptOfKind<K extends CeremonyScript['kind']> = Extract<CeremonyScript, { kind: K }>;

/** One problem zod found, with the path into the script where it is. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  /** For an unknown field: which keys were not expected (the loader points at the first). */
  keys?: string[];
}

/**
 * Validates plain data (a parsed YAML document, or a form's state) against
 * the script schema, with messages written for the person editing the script.
 * Every problem is reported, not only the first.
 */
export function validateCeremonyScript(data: unknown): { ok: true; script: CeremonyScript } | { ok: false; issues: SchemaIssue[] } {
  const result = ceremonyScriptSchema.safeParse(data, { error: scriptErrorMap });
  if (result.success) return { ok: true, script: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: issue.message,
      ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}),
    })),
  };
}
