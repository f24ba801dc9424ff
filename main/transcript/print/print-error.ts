/** Why a printable document could not be made. */
export type PrintErrorCode =
  | 'TRANSCRIPT_UNREADABLE'
  | 'PRINT_OUTPUT_EXISTS'
  | 'PRINT_WRITE_FAILED'
  | 'CHROMIUM_NOT_FOUND'
  | 'CHROMIUM_FAILED';

/** A printing failure, with a message the person at the machine can act on. */
export class PrintError extends Error {
  override readonly name = 'PrintError';

  constructor(
    readonly code: PrintErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
