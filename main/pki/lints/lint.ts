import type { LintFailure } from '../pki-error.js';

/**
 * One rule of a profile. `check` returns a message for each way the object
 * breaks the rule (none when it holds). Lints never throw for a bad object:
 * they report, so one run lists every problem.
 */
export interface Lint<View, Context> {
  /** Stable id, listed in docs/profiles.md. */
  id: string;
  /** The clause enforced, e.g. "BR §7.1.2.1.2". */
  clause: string;
  /** Runs only on the signed object (the fields it checks do not exist before signing). */
  signedOnly?: boolean;
  check(view: View, context: Context): string[];
}

/** Runs lints and collects every failure (a lint that throws is a failure too, never a crash). */
export function runLints<View extends { signed?: unknown }, Context>(lints: readonly Lint<View, Context>[], view: View, context: Context): LintFailure[] {
  const failures: LintFailure[] = [];
  for (const lint of lints) {
    if (lint.signedOnly && view.signed === undefined) continue;
    let messages: string[];
    try {
      messages = lint.check(view, context);
    } catch (error) {
      messages = [`the lint could not run: ${error instanceof Error ? error.message : String(error)}`];
    }
    for (const message of messages) failures.push({ id: lint.id, clause: lint.clause, message });
  }
  return failures;
}

/** A message list with one entry when the condition fails. */
export function unless(condition: boolean, message: string): string[] {
  return condition ? [] : [message];
}
