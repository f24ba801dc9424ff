import { z } from 'zod';
import type { CeremonyPlan } from '../script/plan.js';
import type { ScriptProblem } from '../script/script-problem.js';
import { channel } from './channel.js';

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

/** Channels about ceremony scripts. */
export const scriptChannels = {
  /**
   * Reads and checks a script (YAML, schema, the files it names) and plans it,
   * touching no HSM. Only an absolute path to a .yaml or .yml file is accepted.
   */
  check: channel<ScriptCheck>()(
    z.strictObject({
      path: z
        .string()
        .min(1)
        .max(4096)
        .regex(/\.ya?ml$/i, 'a ceremony script is a .yaml or .yml file'),
    }),
  ),
};
