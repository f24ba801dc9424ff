import { event } from './channel.js';
import type { JsonValue } from './json.js';

/** One transcript line as it was written, for the live tail on screen. */
export interface TranscriptLine {
  seq: number;
  at: string;
  type: string;
  step: string;
  actor: string;
  data: { [key: string]: JsonValue };
  /** SHA-256 of the line's exact bytes, hex: the next line's `prev`. */
  sha256: string;
}

/** Events of the transcript. */
export const transcriptEvents = {
  /** A line was appended (and flushed to disk) to the open ceremony's transcript. */
  'transcript.event': event<TranscriptLine>(),
};
