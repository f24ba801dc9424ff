import { event } from './channel.js';
import type { JsonValue } from './json.js';

/** A step of the plan began or ended. */
export interface RunnerStep {
  step: string;
  state: 'started' | 'completed';
}

/** A long operation under way (key generation, signing), for the progress line and its elapsed time. */
export interface RunnerProgress {
  step: string;
  /** In words: "Generating RSA 4096 key "root-2026" on the HSM…" */
  message: string;
}

/** A transcript line as it was written and flushed, for the live tail on screen. */
export interface TranscriptTail {
  seq: number;
  type: string;
  step: string;
  /** SHA-256 of the line's exact bytes, hex: the next line's `prev`. */
  sha256: string;
  /**
   * The rest of the line, when main read it back from the transcript (the
   * app's ceremony runs do): public facts by the transcript's own rule
   * (FORMATS.md: never a PIN, share or key material).
   */
  facts?: { at: string; actor: string; data: { [key: string]: JsonValue } };
}

/** Events of a running ceremony. Public facts only: never a secret. */
export const runnerEvents = {
  'runner.step': event<RunnerStep>(),
  'runner.progress': event<RunnerProgress>(),
  'transcript.event': event<TranscriptTail>(),
};
