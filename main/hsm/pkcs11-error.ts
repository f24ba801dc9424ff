import { HsmError } from './hsm-error.js';

/** What the operation was doing, to say it in the message ("signing with root-key"). */
export interface Pkcs11Context {
  action: string;
  /** Facts a person may need: the token label, tries left, the mechanism name. Never a secret. */
  tokenLabel?: string;
  mechanism?: string;
  keyLabel?: string;
}

/**
 * Turns an error thrown by graphene/pkcs11js into an HsmError with a message
 * for the room. pkcs11js puts the CKR_ name in `message` and the number in `code`.
 */
export function fromPkcs11Error(error: unknown, context: Pkcs11Context): HsmError {
  if (error instanceof HsmError) return error;
  const ckr = ckrName(error);
  const on = context.tokenLabel ? ` on token "${context.tokenLabel}"` : '';
  const what = `${context.action}${on}`;
  switch (ckr) {
    case 'CKR_PIN_INCORRECT':
      return new HsmError('PIN_INCORRECT', `Wrong PIN${on}. Check the PIN and try again; each wrong try counts towards locking the token.`, ckr);
    case 'CKR_PIN_LOCKED':
      return new HsmError('PIN_LOCKED', `The user PIN${on} is locked after too many wrong tries. The security officer must unlock it (e.g. softhsm2-util / the vendor's tool) before the ceremony can go on.`, ckr);
    case 'CKR_PIN_LEN_RANGE':
      return new HsmError('PIN_INCORRECT', `The PIN${on} has a length the token does not accept. Check the PIN and try again.`, ckr);
    case 'CKR_TOKEN_NOT_PRESENT':
    case 'CKR_DEVICE_REMOVED':
    case 'CKR_SLOT_ID_INVALID':
      return new HsmError('TOKEN_REMOVED', `The token was removed or is not present while ${what}. Reconnect the HSM, then resume the ceremony: nothing recorded is lost.`, ckr);
    case 'CKR_SESSION_CLOSED':
    case 'CKR_SESSION_HANDLE_INVALID':
      return new HsmError('SESSION_CLOSED', `The HSM session closed while ${what}. Reconnect the HSM, then resume the ceremony.`, ckr);
    case 'CKR_USER_NOT_LOGGED_IN':
      return new HsmError('NOT_LOGGED_IN', `Not logged in${on} while ${what}. Enter the user PIN first.`, ckr);
    case 'CKR_MECHANISM_INVALID':
    case 'CKR_MECHANISM_PARAM_INVALID':
      return new HsmError('MECHANISM_UNSUPPORTED', `The HSM does not support ${context.mechanism ?? 'the mechanism needed'} for ${what}. Use an HSM (or firmware) that lists it in \`conclave hsm list\`.`, ckr);
    case 'CKR_KEY_UNEXTRACTABLE':
      return new HsmError('KEY_UNEXTRACTABLE', `${context.keyLabel ? `Key "${context.keyLabel}"` : 'The key'} is not extractable, so it cannot be wrapped (${what}). Only keys the script marks for backup or export are made extractable.`, ckr);
    case 'CKR_KEY_TYPE_INCONSISTENT':
    case 'CKR_KEY_FUNCTION_NOT_PERMITTED':
    case 'CKR_KEY_HANDLE_INVALID':
    case 'CKR_KEY_SIZE_RANGE':
      return new HsmError('KEY_INVALID', `${context.keyLabel ? `Key "${context.keyLabel}"` : 'The key'} cannot be used for ${what} (${ckr}).`, ckr);
    case 'CKR_WRAPPED_KEY_INVALID':
    case 'CKR_WRAPPED_KEY_LEN_RANGE':
    case 'CKR_ENCRYPTED_DATA_INVALID':
      return new HsmError('WRAPPED_KEY_INVALID', `The wrapped key did not unwrap (${what}): it was altered, or it was wrapped under a different key-encryption key.`, ckr);
    case 'CKR_DEVICE_MEMORY':
    case 'CKR_HOST_MEMORY':
      return new HsmError('DEVICE_MEMORY', `The HSM ran out of memory while ${what}. Free space on the token or restart the HSM, then resume.`, ckr);
    case 'CKR_DEVICE_ERROR':
    case 'CKR_GENERAL_ERROR':
    case 'CKR_FUNCTION_FAILED':
      return new HsmError('DEVICE_ERROR', `The HSM reported a device error (${ckr}) while ${what}. Check the HSM's connection and status, then resume the ceremony.`, ckr);
    case 'CKR_ARGUMENTS_BAD':
    case 'CKR_ATTRIBUTE_VALUE_INVALID':
    case 'CKR_TEMPLATE_INCONSISTENT':
    case 'CKR_TEMPLATE_INCOMPLETE':
      return new HsmError('INVALID_ARGUMENT', `The HSM refused the request while ${what} (${ckr}).`, ckr);
    case undefined:
      return new HsmError('HSM_ERROR', `The HSM layer failed while ${what}: ${error instanceof Error ? error.message : String(error)}`);
    default:
      return new HsmError('HSM_ERROR', `The HSM refused while ${what} (${ckr}).`, ckr);
  }
}

function ckrName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /CKR_[A-Z_]+/.exec(error.message);
  return match?.[0];
}

/** Runs `fn`, converting any PKCS#11 failure into an HsmError for `context`. */
export function withPkcs11Context<T>(context: Pkcs11Context, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw fromPkcs11Error(error, context);
  }
}
