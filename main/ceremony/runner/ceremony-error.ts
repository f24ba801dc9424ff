/**
 * Why a ceremony stopped, in words for the room. The transcript up to the
 * stop is intact and `conclave resume` continues from it unless the code
 * says the ceremony cannot go on (RESUME_MISMATCH: the HSM and the
 * transcript disagree).
 */
export type CeremonyErrorCode =
  | 'PREFLIGHT_FAILED'
  | 'HSM_IDENTITY_MISMATCH'
  | 'LABEL_COLLISION'
  | 'RESUME_MISMATCH'
  | 'RECEIPT_FAILED'
  | 'OUTPUT_EXISTS'
  | 'SOURCE_INVALID'
  | 'STEP_FAILED';

export class CeremonyError extends Error {
  override readonly name = 'CeremonyError';
  constructor(
    readonly code: CeremonyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
