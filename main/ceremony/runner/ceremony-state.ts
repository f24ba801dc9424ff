import type { KeyPairInfo, SecretKeyInfo } from '../../hsm/key-spec.js';
import type { SessionKey } from '../../hsm/hsm-session.js';
import type { ShareEnvelope } from '../../custody/share-envelope.js';
import type { SerialNumberAllocator } from '../../pki/serial-numbers.js';

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

/** What the steps of one run have made, for the steps after them. */
export interface CeremonyState {
  /** Keys on the token, by the script's key name. */
  keys: Map<string, KeyPairInfo | SecretKeyInfo>;
  /** Issued certificates, DER, by the script's certificate name. */
  certificates: Map<string, Uint8Array>;
  /** Serial numbers for this ceremony, from the HSM's RNG; none is reused (a resume reserves the recorded ones). */
  serials: SerialNumberAllocator | undefined;
  backup: BackupInProgress | undefined;
}

export function emptyState(): CeremonyState {
  return { keys: new Map(), certificates: new Map(), serials: undefined, backup: undefined };
}

/** Zeroes every secret the state holds (on close and on any stop). */
export function wipeState(state: CeremonyState): void {
  const backup = state.backup;
  if (!backup) return;
  backup.kek.fill(0);
  for (const share of backup.shares) share.envelope.share.fill(0);
  state.backup = undefined;
}
