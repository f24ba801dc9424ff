/**
 * Every way a share, a sealed share file, a backup or a recovery can be
 * refused. The code is stable (tests, transcript deviations and the UI key on
 * it); the message is written for the person in the ceremony room and never
 * carries a secret (no share bytes, no words, no passphrase).
 */
export type CustodyErrorCode =
  | 'share.empty'
  | 'share.word-unknown'
  | 'share.word-count'
  | 'share.word-wrong'
  | 'share.words-swapped'
  | 'share.checksum'
  | 'share.not-a-share'
  | 'share.version'
  | 'share.malformed'
  | 'share.other-ceremony'
  | 'share.voided-set'
  | 'share.other-set-shape'
  | 'share.duplicate'
  | 'share.fingerprint'
  | 'share.unknown-member'
  | 'share.too-few'
  | 'share.too-many'
  | 'share.split-params'
  | 'receipt.mismatch'
  | 'sealed.wrong-passphrase'
  | 'sealed.truncated'
  | 'sealed.damaged'
  | 'sealed.malformed'
  | 'sealed.not-for-this-share'
  | 'kek.length'
  | 'kek.kcv-mismatch'
  | 'backup.malformed'
  | 'backup.invalid'
  | 'backup.tampered'
  | 'backup.key-missing'
  | 'backup.label-taken'
  | 'backup.proof-failed';

/** A custody check that failed, with what to do about it. */
export class CustodyError extends Error {
  override readonly name = 'CustodyError';
  readonly code: CustodyErrorCode;
  /**
   * 1-based word positions the error points at (a wrong word, two swapped
   * words, an unknown word), when it points anywhere. Positions, never words.
   */
  readonly positions: readonly number[];
  /** Member indices the error names (a duplicate, a bad share found by subset search). */
  readonly members: readonly number[];

  constructor(code: CustodyErrorCode, message: string, detail: { positions?: number[]; members?: number[] } = {}) {
    super(message);
    this.code = code;
    this.positions = detail.positions ?? [];
    this.members = detail.members ?? [];
  }
}
