/** What went wrong writing, checking or exporting a bundle; the code is stable, for programs and tests. */
export type BundleErrorCode =
  | 'BUNDLE_BAD_PATH'
  | 'BUNDLE_FILE_EXISTS'
  | 'BUNDLE_READBACK_MISMATCH'
  | 'BUNDLE_WRITE_FAILED'
  | 'BUNDLE_NOT_A_BUNDLE'
  | 'BUNDLE_SOURCE_CHANGED'
  | 'BUNDLE_UNFINISHED'
  | 'MEDIA_FULL'
  | 'MEDIA_READ_ONLY'
  | 'MEDIA_IO_ERROR'
  | 'MEDIA_NOT_FOUND'
  | 'EXPORT_EXISTS';

/** An error of the bundle layer, with a message a person in the ceremony room can act on. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    /** Facts a program may act on (the file, the errno); never secret. */
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
  }
}
