import { z } from 'zod';
import { channel, event } from './channel.js';
import type { HostQuestion } from './host-questions.js';

const questionId = z.string().min(1).max(100);
/** BIP-39 English words are 3 to 8 letters; a custodian may type only the first four. */
const shareWord = z.string().min(1).max(16);
const shareWords = z.array(shareWord).min(1).max(256);

/**
 * Answers to the runner's questions (host-questions.ts). Each answer names the
 * question it answers; main checks it (the typed word, the re-entered share)
 * and refuses a wrong one with an error value while the question stays open.
 */
export const hostChannels = {
  /** The questions still waiting for an answer, for a screen that opened late or reloaded. */
  pending: channel<HostQuestion[]>()(z.strictObject({})),
  acknowledge: channel<null>()(z.strictObject({ id: questionId })),
  /** The typed word; main compares it with the word asked for. */
  confirm: channel<null>()(z.strictObject({ id: questionId, typed: z.string().max(100) })),
  /**
   * While a share is shown (present-share with canPrint): send the custodian's
   * card to a printer. The question stays open; the share is hidden as usual.
   */
  printCard: channel<null>()(z.strictObject({ id: questionId })),
  /** The share shown to a custodian is hidden again (present-share). */
  shareHidden: channel<null>()(z.strictObject({ id: questionId })),
  /**
   * A share brought back, as typed. Share words are secret and cross as
   * strings unavoidably; main turns them into bytes at once (docs/security.md).
   */
  shareEntered: channel<null>()(z.strictObject({ id: questionId, words: shareWords })),
  /**
   * The token PIN. It crosses IPC as a string unavoidably (an input field holds
   * a string); main turns it into bytes at once and the runner zeroes them
   * after login (docs/security.md).
   */
  pin: channel<null>()(z.strictObject({ id: questionId, pin: z.string().min(1).max(256) })),
  /**
   * A custodian's passphrase for their sealed share file, typed twice
   * (choose-passphrase). It crosses IPC as strings unavoidably; main turns
   * both into bytes at once, compares them and zeroes them after sealing.
   */
  passphrase: channel<null>()(z.strictObject({ id: questionId, passphrase: z.string().min(1).max(1024), repeated: z.string().min(1).max(1024) })),
  /**
   * At a hand-off's re-entry (take-share with showAgain): the custodian asks
   * to see the share again, and says why. The witness approves next.
   */
  showAgain: channel<null>()(z.strictObject({ id: questionId, reason: z.string().trim().min(1).max(300) })),
  /** The drive chosen for a copy (choose-media): main accepts only a removable drive mounted now. */
  mediaChosen: channel<null>()(z.strictObject({ id: questionId, mountPoint: z.string().min(1).max(4096) })),
  /** The room cannot or will not answer (stop the ceremony here); the reason goes to the runner. */
  decline: channel<null>()(z.strictObject({ id: questionId, reason: z.string().min(1).max(2000) })),
};

/** Events of the runner's host. */
export const hostEvents = {
  /** A question for the room: show its screen. */
  'host.ask': event<HostQuestion>(),
  /** A question was answered or withdrawn: close its screen (and drop any share words it showed). */
  'host.settled': event<{ id: string }>(),
};
