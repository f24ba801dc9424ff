import type { RemovableMedium } from './media-channels.js';

/**
 * What the ceremony runner asks of the people in the room, as the screens see
 * it. Main asks (event "host.ask"), the renderer shows the screen, and the
 * answer comes back on one of the host.* channels with the question's id.
 * Every question names the script step it belongs to.
 */

interface QuestionBase {
  /** Unique per question; the answer carries it back. */
  id: string;
  /** The script step this belongs to. */
  step: string;
}

/** The witness (or another participant) confirms that something happened as the script says. */
export interface AcknowledgeQuestion extends QuestionBase {
  kind: 'acknowledge';
  title: string;
  detail: string;
  /** Who must acknowledge: a participant's name. */
  actor: string;
  /**
   * Set when this is the witness's approval to show a share again
   * (design/PRODUCT.md): a person must give it on the day, never an answers file.
   */
  approval?: 'show-share-again';
}

/** An irreversible action (signing, destroying): the administrator types the word the step names. */
export interface ConfirmQuestion extends QuestionBase {
  kind: 'confirm';
  title: string;
  detail: string;
  /** The word to type, e.g. "SIGN" (IANA's ceremonies ask for "Yes"). */
  word: string;
}

/**
 * A custodian receives a share: the one time the renderer holds secret data
 * (design/ARCHITECTURE.md, layer 3). The words are shown only to this
 * custodian; the screen answers "host.shareHidden" once they are hidden
 * again, and drops them when "host.settled" arrives for this id. The runner
 * then asks for them back (a take-share question) to prove receipt.
 */
export interface PresentShareQuestion extends QuestionBase {
  kind: 'present-share';
  custodian: string;
  /** Member number, 1-based, and how many shares there are. */
  member: number;
  of: number;
  threshold: number;
  words: string[];
  /** QR code of the same share bytes, as a data: URL of an image (CSP allows img-src data:). */
  qrDataUrl: string;
  /** First 8 bytes of SHA-256 of the share bytes, hex (FORMATS.md, "Share"). */
  fingerprint: string;
  /** Whether "print the card" can send the card to a paper printer now (host.printCard); only the desktop app prints to paper. */
  canPrint?: boolean;
}

/** A custodian brings a share back (recovery, rotation): the words are typed in. */
export interface TakeShareQuestion extends QuestionBase {
  kind: 'take-share';
  /** The custodian expected, when the runner knows who comes next. */
  custodian?: string;
  received: number;
  needed: number;
  /** Why the previous entry was refused (a mistyped word's position, another ceremony's share). */
  problem?: string;
  /**
   * A hand-off's re-entry only: the screen may offer "show the share again"
   * instead of the words (host.showAgain with a reason). The runner then asks
   * the witness to approve, records the approval and shows the share again.
   */
  showAgain?: boolean;
}

/** The administrator enters the token's user PIN. */
export interface EnterPinQuestion extends QuestionBase {
  kind: 'enter-pin';
  token: { label: string; serial: string };
  /** What the token says about tries left. */
  pin: 'ok' | 'count-low' | 'final-try' | 'locked';
  /** Why the previous PIN was refused ("Wrong PIN — 2 tries left"). */
  problem?: string;
  /**
   * A rehearsal only: the PIN of the throwaway practice token, shown so the
   * administrator practises typing it. Never set for a real token.
   */
  practicePin?: string;
}

/** One copy of the ceremony's USB output: the room chooses the removable drive it goes to. */
export interface ChooseMediaQuestion extends QuestionBase {
  kind: 'choose-media';
  /** Copy `copy` of `copies`. */
  copy: number;
  copies: number;
  /** What will be written, in plain words. */
  what: string;
  /** The drives mounted when asked; "media.changed" brings the list up to date. */
  media: RemovableMedium[];
  /** Why the previous choice was refused (the drive was removed meanwhile). */
  problem?: string;
  /** Set when the drive is this custodian's own stick, for their sealed share file (not a copy of the output). */
  custodian?: string;
}

/**
 * A custodian chooses the passphrase their sealed share file is sealed under
 * (the script's backup.sealedShareFiles): typed twice, never shown. The answer
 * (host.passphrase) carries both entries; main compares them and checks the
 * length, and asks again with a problem when either is wrong.
 */
export interface ChoosePassphraseQuestion extends QuestionBase {
  kind: 'choose-passphrase';
  custodian: string;
  /** The custodian's member number, 1-based. */
  member: number;
  /** The shortest passphrase accepted, in characters. */
  minimum: number;
  /** Why the previous entries were refused (too short, the two differ). */
  problem?: string;
}

export type HostQuestion = AcknowledgeQuestion | ConfirmQuestion | PresentShareQuestion | TakeShareQuestion | EnterPinQuestion | ChooseMediaQuestion | ChoosePassphraseQuestion;
