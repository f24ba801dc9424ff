import type { KeyPairInfo, SecretKeyInfo } from '../../hsm/key-spec.js';
import type { SessionKey } from '../../hsm/hsm-session.js';
import type { ShareEnvelope } from '../../custody/share-envelope.js';
import type { SerialNumberAllocator } from '../../pki/serial-numbers.js';
import type { BackupFile } from '../../custody/backup-file.js';
import type { RecoveryIntake } from '../../custody/recovery-intake.js';
import type { TranscriptEvent } from '../../transcript/events.js';

/** A share while it is being handed over: secret until the custodian has proven receipt. */
export interface ShareInHand {
  custodian: string;
  /** The envelope; its share bytes are secret and zeroed once the hand-off is verified. */
  envelope: ShareEnvelope;
  fingerprint: string;
}

/** A wrapped key as the backup records it. */
export interface WrappedKey {
  name: string;
  info: KeyPairInfo | SecretKeyInfo;
  wrapped: Uint8Array;
}

/**
 * The backup in progress. It lives only in memory: the KEK must never reach a
 * disk, so a ceremony interrupted between the KEK and the last hand-off
 * redoes the whole backup with a new KEK on resume (the old share set is
 * declared void in the transcript).
 */
export interface BackupInProgress {
  /** The KEK bytes (secret), zeroed at the last hand-off or on a stop. */
  kek: Uint8Array;
  kcv: string;
  sessionKey: SessionKey | undefined;
  shareSetId: string;
  wrapped: WrappedKey[];
  shares: ShareInHand[];
  /** Members whose custodian has proven receipt. */
  verified: Set<number>;
}

/** The evidence bundle a later ceremony builds on, as source.verify found it (verified). */
export interface SourceBundle {
  /** Absolute path of the bundle folder. */
  dir: string;
  /** Its transcript's events, chain checked. */
  events: TranscriptEvent[];
  /** Its backup/backup.json, when it has one. */
  backup: BackupFile | undefined;
}

/**
 * Shares of the source backup coming back (key-recovery, custodian-rotation):
 * held by the intake, secret, until the KEK is rebuilt; then the KEK as a
 * session key for unwrapping (key-recovery only).
 */
export interface RecoveryInProgress {
  intake: RecoveryIntake;
  sessionKey: SessionKey | undefined;
}

/** What the steps of one run have made, for the steps after them. */
export interface CeremonyState {
  /** Keys on the token, by the script's key name. */
  keys: Map<string, KeyPairInfo | SecretKeyInfo>;
  /** Issued certificates, DER, by the script's certificate name. */
  certificates: Map<string, Uint8Array>;
  /** Serial numbers for this ceremony, from the HSM's RNG; none is reused (a resume reserves the recorded ones). */
  serials: SerialNumberAllocator | undefined;
  backup: BackupInProgress | undefined;
  /** Later ceremonies: the source bundle, read once source.verify has verified it. */
  source: SourceBundle | undefined;
  recovery: RecoveryInProgress | undefined;
}

export function emptyState(): CeremonyState {
  return { keys: new Map(), certificates: new Map(), serials: undefined, backup: undefined, source: undefined, recovery: undefined };
}

/** Zeroes every secret the state holds (on close and on any stop). */
export function wipeState(state: CeremonyState): void {
  state.recovery?.intake.discard();
  state.recovery = undefined;
  const backup = state.backup;
  if (!backup) return;
  backup.kek.fill(0);
  for (const share of backup.shares) share.envelope.share.fill(0);
  state.backup = undefined;
}
