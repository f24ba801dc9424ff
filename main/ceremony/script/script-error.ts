/**
 * The error a script that cannot run gives: every problem found, each with
 * its line and column, so the team fixes them all in one pass.
 */
import type { ScriptProblem } from '../../../shared/script/script-problem.js';

export type ScriptErrorCode = 'SCRIPT_UNREADABLE' | 'SCRIPT_INVALID';

export class ScriptError extends Error {
  override readonly name = 'ScriptError';
  /** Exit code 2: the input is bad (design/FORMATS.md, CLI). */
  readonly exitCode = 2;

  constructor(
    readonly code: ScriptErrorCode,
    /** The script file as given. */
    readonly file: string,
    /** Sorted by line and column. Empty for SCRIPT_UNREADABLE. */
    readonly problems: readonly ScriptProblem[],
    message: string,
  ) {
    super(message);
  }

  /** One line per problem: "file:line:column: path: message". */
  describe(): string[] {
    return this.problems.map((p) => `${this.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  }
}
