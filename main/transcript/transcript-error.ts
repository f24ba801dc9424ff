/** What went wrong with a transcript or its seal; the code is stable, for programs and tests. */
export type TranscriptErrorCode =
  | 'TRANSCRIPT_EXISTS'
  | 'TRANSCRIPT_MISSING'
  | 'TRANSCRIPT_PARTIAL_LINE'
  | 'TRANSCRIPT_WRITE_FAILED'
  | 'TRANSCRIPT_CHAIN_BROKEN'
  | 'TRANSCRIPT_CLOSED'
  | 'TRANSCRIPT_SECRET_REFUSED'
  | 'TRANSCRIPT_BAD_EVENT'
  | 'SEAL_UNSUPPORTED_KEY'
  | 'SEAL_BAD_CERTIFICATE'
  | 'SEAL_SIGNATURE_FAILED';

/**
 * An error of the journal or the seal. The message is written for the people in
 * the ceremony room; it never holds a secret (the guard refuses secrets before
 * anything is written, and names only the offending field).
 */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  constructor(
    readonly code: TranscriptErrorCode,
    message: string,
    /** Facts a program may act on (line numbers, byte counts); never secret. */
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
  }
}
