import type { Random } from './seeded-random.js';

/** One generated input: its bytes (what a finding file holds) and how it was made. */
export interface FuzzInput {
  bytes: Uint8Array;
  /** The mutations applied, for the report. */
  how: string[];
}

/**
 * A parser or checker made ready to fuzz: a corpus of valid inputs built
 * once, a way to derive a new input from it, and the call under test.
 */
export interface PreparedTarget {
  /** A new input derived from the corpus. */
  next(random: Random): FuzzInput;
  /**
   * Runs the code under test on one input. Returns a label for the outcome
   * ("accepted", a verdict, a problem code); throws what the code threw.
   */
  run(input: Uint8Array): Promise<string> | string;
  /** Whether an error is the code's own typed refusal (it must also carry a code and a message). */
  isRefusal(error: unknown): boolean;
  dispose?(): Promise<void> | void;
}

export interface FuzzTarget {
  name: string;
  /**
   * The longest one input may take (generous: CI shares 2 cores). Four times
   * as long without an answer counts as a hang.
   */
  perInputMs: number;
  prepare(): Promise<PreparedTarget>;
}
