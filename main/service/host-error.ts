/** Codes of an answer the host refuses; the question stays open. */
export type HostErrorCode = 'host.unknown-question' | 'host.wrong-answer' | 'host.confirm-mismatch' | 'host.media-unknown';

/**
 * An answer from the screen that the host refuses: the question stays open
 * and the screen shows the message. (A room that stops instead of answering
 * is the runner's HostDeclined.)
 */
export class HostError extends Error {
  override readonly name = 'HostError';

  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}
