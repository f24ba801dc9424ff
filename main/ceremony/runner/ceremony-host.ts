import type { AcknowledgeQuestion, ChoosePassphraseQuestion, ConfirmQuestion, EnterPinQuestion, PresentShareQuestion, TakeShareQuestion } from '../../../shared/ipc/host-questions.js';

/** A question as the runner asks it; the host gives it its id and kind. */
export type Ask<Q> = Omit<Q, 'id' | 'kind'>;

/** Where a copy goes: a removable drive's folder, chosen by the people in the room. */
export interface MediaQuestion {
  step: string;
  copy: number;
  copies: number;
  /** What will be written, in plain words. */
  what: string;
  /** Set when the folder is for this custodian's sealed share file (not a copy of the ceremony's output). */
  custodian?: string;
  /** Why the previous folder was refused (full, read-only, already holds the file). */
  problem?: string;
}

/** What the room may do while a share is shown, besides hiding it. */
export interface PresentShareActions {
  /** Sends this custodian's card to a paper printer (the app's system print dialog); absent where nothing prints to paper. */
  printCard?: () => Promise<void>;
}

/** A passphrase as the custodian typed it twice (UTF-8). Secret: the runner compares, uses and zeroes both. */
export interface PassphraseEntries {
  passphrase: Uint8Array;
  repeated: Uint8Array;
}

/** Something that happened, for a host that shows progress (never a secret). */
export type RunnerNotice =
  | { kind: 'step'; step: string; state: 'started' | 'completed' }
  | { kind: 'event'; seq: number; type: string; step: string; hash: string }
  | { kind: 'progress'; step: string; message: string };

/**
 * What the ceremony runner asks of the people in the room. The runner does
 * not know whether a terminal (the CLI), an answers file, a rehearsal's
 * practice answers or the app's screens answer. Each method resolves once
 * the room has answered, and rejects (HostDeclined) when the room stops instead.
 */
export interface CeremonyHost {
  /** A participant (usually the witness) confirms something happened as the script says. */
  acknowledge(question: Ask<AcknowledgeQuestion>): Promise<void>;
  /** The administrator types the word an irreversible step names; resolves only on that word. */
  confirm(question: Ask<ConfirmQuestion>): Promise<void>;
  /**
   * Shows a share to its custodian alone (words, QR, fingerprint); resolves
   * when the share is hidden again. The runner then takes it back with
   * takeShare to prove the custodian holds a working copy.
   */
  presentShare(question: Ask<PresentShareQuestion>, actions?: PresentShareActions): Promise<void>;
  /**
   * A share as the words typed (UTF-8, spaces between words). Secret: the runner zeroes it.
   * When the question offers showAgain, the host may instead reject with
   * ShowShareAgain (the custodian asks to see the share again, and why).
   */
  takeShare(question: Ask<TakeShareQuestion>): Promise<Uint8Array>;
  /**
   * A custodian's passphrase for their sealed share file, typed twice and
   * never shown. Needed only when the script asks for sealed share files;
   * the runner checks the entries and asks again with a problem.
   */
  choosePassphrase?(question: Ask<ChoosePassphraseQuestion>): Promise<PassphraseEntries>;
  /** The token's user PIN, UTF-8. Secret: the runner logs in with it and zeroes it. */
  enterPin(question: Ask<EnterPinQuestion>): Promise<Uint8Array>;
  /** The folder of the removable drive for one copy of the ceremony's USB output. */
  chooseMedia(question: MediaQuestion): Promise<string>;
  /** Progress for a screen or a terminal; optional. */
  notify?(notice: RunnerNotice): void;
  /**
   * Deviations the room noted since this was last asked ("something differs
   * from the script"); the runner records each under the current step.
   */
  takeDeviations?(): { description: string; recordedBy: string }[];
  /**
   * Given, once the transcript is open, the way to record a deviation the
   * room notices at any moment (the app's "record a deviation", always at
   * hand): it goes into the transcript under the current step. Optional.
   */
  attachDeviationRecorder?(record: DeviationRecorder): void;
}

/** Records a deviation under the step being walked; resolves once the line is fsynced. */
export type DeviationRecorder = (deviation: { description: string; recordedBy: string }) => Promise<void>;

/** The room stopped the ceremony instead of answering (Ctrl-C, "stop" on the screen). */
export class HostDeclined extends Error {
  override readonly name = 'HostDeclined';
  readonly code = 'HOST_DECLINED';
}

/**
 * The answer to a hand-off's re-entry (take-share with showAgain) that is not
 * the words: the custodian asks to see the share again. The runner asks the
 * witness to approve, records it and shows the share once more.
 */
export class ShowShareAgain extends Error {
  override readonly name = 'ShowShareAgain';
  readonly code = 'SHOW_SHARE_AGAIN';

  constructor(
    /** Why, in the custodian's words (recorded in the transcript: never the share). */
    readonly reason: string,
  ) {
    super(`The custodian asks to see the share again: ${reason}`);
  }
}
