/** Codes of the host: an answer refused, a question stopped. */
export type HostErrorCode =
  | 'host.unknown-question'
  | 'host.wrong-answer'
  | 'host.confirm-mismatch'
  | 'host.share-mismatch'
  | 'host.declined'
  | 'host.closed';

/** A refused answer (the question stays open) or a question the room will not answer. */
export class HostError extends Error {
  override readonly name = 'HostError';

  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}
