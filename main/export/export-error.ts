/**
 * Why an export was refused. Every one is raised before anything is written:
 * the bundle holds no file of a refused export.
 */
export type ExportErrorCode =
  /** The transport key file is not a certificate or public key Conclave can read. */
  | 'TRANSPORT_KEY_INVALID'
  /** The transport key is not RSA (wrapping needs RSA-OAEP). */
  | 'TRANSPORT_KEY_NOT_RSA'
  /** RSA below 2048 bits, or not the size the destination's method names. */
  | 'TRANSPORT_KEY_SIZE'
  /** The AWS import token file is empty, still base64, the whole JSON answer, a key, or too long. */
  | 'IMPORT_TOKEN_INVALID'
  /** The key on the token is not the one the script names (KCV), or is not an AES-256 secret key. */
  | 'KEY_MISMATCH'
  /** The destination's names do not fit together (an import job in another key ring). */
  | 'DESTINATION_INVALID';

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
