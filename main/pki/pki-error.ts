/**
 * Every failure of the PKI layer is a PkiError: a stable code for programs and
 * a sentence a person in the ceremony room can act on. A lint failure is a
 * LintFailedError carrying every failed rule, so the room sees the whole list
 * at once rather than fixing one problem per attempt.
 */
export type PkiErrorCode =
  | 'PKI_NOT_PEM_OR_DER'
  | 'PKI_MALFORMED_DER'
  | 'PKI_MALFORMED_CSR'
  | 'PKI_MALFORMED_CERTIFICATE'
  | 'PKI_MALFORMED_CRL'
  | 'PKI_CSR_SIGNATURE_INVALID'
  | 'PKI_SIGNATURE_ALGORITHM_UNSUPPORTED'
  | 'PKI_SHA1_REFUSED'
  | 'PKI_HASH_CURVE_MISMATCH'
  | 'PKI_KEY_TYPE_NOT_ALLOWED'
  | 'PKI_RSA_KEY_TOO_SMALL'
  | 'PKI_RSA_MODULUS_NOT_MULTIPLE_OF_8'
  | 'PKI_RSA_EXPONENT_INVALID'
  | 'PKI_EC_CURVE_NOT_ALLOWED'
  | 'PKI_PUBLIC_KEY_INVALID'
  | 'PKI_NAME_INVALID'
  | 'PKI_VALIDITY_INVALID'
  | 'PKI_SERIAL_REUSED'
  | 'PKI_SERIAL_SOURCE_INVALID'
  | 'PKI_ISSUER_KEY_MISMATCH'
  | 'PKI_EXTENSION_NOT_COPYABLE'
  | 'PKI_OPTION_INVALID'
  | 'PKI_URI_INVALID'
  | 'PKI_REVOCATION_INVALID'
  | 'PKI_LINT_FAILED'
  | 'PKI_SIGNATURE_CHECK_FAILED'
  | 'PKI_SIGNED_TBS_CHANGED';

export class PkiError extends Error {
  override readonly name: string = 'PkiError';

  constructor(
    readonly code: PkiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** One rule that did not hold. */
export interface LintFailure {
  /** Stable lint id, as listed in docs/profiles.md. */
  id: string;
  /** The clause the rule enforces, e.g. "BR §7.1.2.1.2". */
  clause: string;
  message: string;
}

/** Which pass found the failures: before the HSM signs, or on the signed DER. */
export type LintPhase = 'to-be-signed' | 'signed';

/**
 * Issuance stopped because one or more lints failed. When `phase` is
 * "to-be-signed", nothing was signed.
 */
export class LintFailedError extends PkiError {
  override readonly name = 'LintFailedError';

  constructor(
    readonly profile: string,
    readonly phase: LintPhase,
    readonly failures: readonly LintFailure[],
  ) {
    const what = phase === 'to-be-signed' ? 'Nothing was signed.' : 'The signed object was discarded.';
    const list = failures.map((f) => `  - [${f.id}] ${f.message} (${f.clause})`).join('\n');
    super('PKI_LINT_FAILED', `The ${profile} profile refused this ${phase === 'to-be-signed' ? 'request' : 'result'} (${failures.length} problem${failures.length === 1 ? '' : 's'}). ${what}\n${list}`);
  }
}
