/**
 * Every failure of the HSM layer is an HsmError: a stable code for programs,
 * and a sentence a person in the ceremony room can act on. Nothing secret
 * (PIN, key value) is ever put in one.
 */
export type HsmErrorCode =
  | 'MODULE_NOT_FOUND'
  | 'MODULE_INVALID'
  | 'TOKEN_NOT_FOUND'
  | 'TOKEN_REMOVED'
  | 'PIN_INCORRECT'
  | 'PIN_LOCKED'
  | 'PIN_SOURCE'
  | 'NOT_LOGGED_IN'
  | 'MECHANISM_UNSUPPORTED'
  | 'KEY_NOT_FOUND'
  | 'LABEL_IN_USE'
  | 'KEY_UNEXTRACTABLE'
  | 'KEY_INVALID'
  | 'WRAPPED_KEY_INVALID'
  | 'SESSION_CLOSED'
  | 'DEVICE_ERROR'
  | 'DEVICE_MEMORY'
  | 'INVALID_ARGUMENT'
  | 'HSM_ERROR';

export class HsmError extends Error {
  override readonly name = 'HsmError';
  /** The PKCS#11 return value behind it, when there is one (e.g. "CKR_PIN_INCORRECT"). */
  readonly ckr: string | undefined;

  constructor(
    readonly code: HsmErrorCode,
    message: string,
    ckr?: string,
  ) {
    super(message);
    this.ckr = ckr;
  }
}
