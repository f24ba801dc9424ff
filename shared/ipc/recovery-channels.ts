import { z } from 'zod';
import { channel } from './channel.js';

/** A share accepted on entry: public facts only. */
export interface RecoveredShare {
  member: number;
  custodian: string;
  fingerprint: string;
}

/** A recovery under way: what the backup expects, and the shares accepted so far. */
export interface RecoveryProgress {
  bundleDir: string;
  ceremonyId: string;
  title: string;
  /** The bundle came from a rehearsal: the restore goes into a throwaway token. */
  rehearsal: boolean;
  threshold: number;
  shareCount: number;
  /** The KEK's key check value the rebuilt KEK must match. */
  kcv: string;
  /** Who holds which share, from the transcript's share.verified events. */
  custodians: { member: number; name: string }[];
  accepted: RecoveredShare[];
  /** How many words each share of this backup has (the entry's fields). */
  wordCount: number;
}

/** How one restored key was proven to be the one backed up. */
export interface RestoredKey {
  label: string;
  class: 'private' | 'secret';
  id: string;
  spkiSha256: string | null;
  kcv: string | null;
  proof: string;
}

/** What the restore did. */
export interface RecoveryOutcome {
  /** The token the keys were restored into. */
  token: string;
  members: number[];
  kcv: string;
  keys: RestoredKey[];
}

/** BIP-39 English words are 3 to 8 letters; a custodian may type only the first four. */
const shareWords = z.array(z.string().min(1).max(16)).min(1).max(256);

/**
 * The recovery screen's channels: a threshold of custodians bring their shares
 * back, one at a time, each checked on entry (a mistyped word named by
 * position, a share of another ceremony named as such); then the KEK is
 * rebuilt, checked against its KCV, and the backup restored and proven.
 */
export const recoveryChannels = {
  /** Starts a recovery of the backup in an evidence bundle (verified first). */
  open: channel<RecoveryProgress>()(z.strictObject({ bundleDir: z.string().min(1).max(4096) })),
  /**
   * One custodian's share, as typed. Share words are secret and cross as
   * strings unavoidably; main turns them into bytes at once (docs/security.md).
   */
  offer: channel<RecoveryProgress>()(z.strictObject({ words: shareWords })),
  /**
   * One custodian's share from their sealed share file (on their USB stick,
   * by its full path) and the passphrase they type. The passphrase is secret
   * and crosses as a string like the words; main reads the file, opens it and
   * zeroes both.
   */
  offerSealedFile: channel<RecoveryProgress>()(z.strictObject({ path: z.string().min(1).max(4096), passphrase: z.string().min(1).max(1024) })),
  /** Rebuilds the KEK from the shares accepted and restores the backup into a fresh token. */
  restore: channel<RecoveryOutcome>()(z.strictObject({})),
  /** Ends the recovery: every share held is zeroed. */
  close: channel<null>()(z.strictObject({})),
};
