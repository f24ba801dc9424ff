import { z } from 'zod';
import { ceremonyKinds, type CeremonyKind } from '../script/common.js';
import type { CeremonyPlan } from '../script/plan.js';
import type { ScriptProblem } from '../script/script-problem.js';
import { channel } from './channel.js';
import type { JsonValue } from './json.js';

/** What checking a script file found: its plan and SHA-256, or every problem with its line and column. */
export type ScriptCheck =
  | {
      valid: true;
      /** The script file, absolute. */
      file: string;
      /** SHA-256 of the file's exact bytes: compare it with the reviewed copy ("reviewed equals executed"). */
      sha256: string;
      plan: CeremonyPlan;
    }
  | { valid: false; file: string; problems: ScriptProblem[] };

/** One of the project's example scripts (examples/<kind>.yaml): a template, and a rehearsal the app offers. */
export interface ScriptExample {
  kind: CeremonyKind;
  /** The example file, absolute. */
  file: string;
  /** Its title line. */
  title: string;
}

/**
 * An example script as plain data, for a form to start from. Paths the script
 * names (CSRs, transport keys) are made absolute, so the script still finds
 * them wherever it is saved; `source` is left as the example gives it.
 */
export interface ScriptTemplate {
  kind: CeremonyKind;
  file: string;
  data: { [key: string]: JsonValue };
}

/** A script the form wrote: where, and the SHA-256 of the bytes written. */
export interface CreatedScript {
  file: string;
  sha256: string;
}

const scriptPath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/\.ya?ml$/i, 'a ceremony script is a .yaml or .yml file');

/** Channels about ceremony scripts. */
export const scriptChannels = {
  /**
   * Reads and checks a script (YAML, schema, the files it names) and plans it,
   * touching no HSM. Only an absolute path to a .yaml or .yml file is accepted.
   */
  check: channel<ScriptCheck>()(z.strictObject({ path: scriptPath })),
  /** The example scripts, one per ceremony kind. */
  examples: channel<ScriptExample[]>()(z.strictObject({})),
  /** The example script of one kind, as data for the "new ceremony" form. */
  template: channel<ScriptTemplate>()(z.strictObject({ kind: z.enum(ceremonyKinds) })),
  /**
   * Writes a new script from a form's data as YAML, after validating it with
   * the script schema. Never overwrites: a file already at `path` is refused.
   */
  create: channel<CreatedScript>()(z.strictObject({ path: scriptPath, script: z.record(z.string(), z.unknown()) })),
};
