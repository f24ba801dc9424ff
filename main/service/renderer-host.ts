import { randomUUID } from 'node:crypto';
import type { HostQuestion } from '../../shared/ipc/host-questions.js';
import type { RemovableMedium } from '../../shared/ipc/media-channels.js';
import { HostDeclined, ShowShareAgain, type Ask, type CeremonyHost, type MediaQuestion, type PassphraseEntries, type PresentShareActions, type RunnerNotice } from '../ceremony/runner/ceremony-host.js';
import type { EventSink } from './event-sink.js';
import { HostError } from './host-error.js';
import { encodeShareWords } from './share-words.js';

/** An answer from the screen, as the host.* channels deliver it. */
export type HostAnswer =
  | { kind: 'acknowledge' }
  | { kind: 'confirm'; typed: string }
  | { kind: 'share-hidden' }
  | { kind: 'share-entered'; words: string[] }
  | { kind: 'pin'; pin: string }
  | { kind: 'media'; mountPoint: string }
  | { kind: 'passphrase'; passphrase: string; repeated: string }
  | { kind: 'show-again'; reason: string };

/** Which answer each question takes. */
const ANSWER_TO: { [K in HostQuestion['kind']]: HostAnswer['kind'] } = {
  acknowledge: 'acknowledge',
  confirm: 'confirm',
  'present-share': 'share-hidden',
  'take-share': 'share-entered',
  'enter-pin': 'pin',
  'choose-media': 'media',
  'choose-passphrase': 'passphrase',
};

type AnswerOf<K extends HostAnswer['kind']> = Extract<HostAnswer, { kind: K }>;
/** A question before the host gives it an id (distributes over the union, keeping each kind's fields). */
type WithoutId<Q> = Q extends unknown ? Omit<Q, 'id'> : never;

interface OpenQuestion {
  question: HostQuestion;
  /** Checks the answer and settles the question; throws a HostError to refuse it (the question stays open). */
  accept(answer: HostAnswer): Promise<void>;
  reject(error: Error): void;
}

/**
 * The runner's host in the app (main/ceremony/runner/ceremony-host.ts): each
 * question goes to the screen as a "host.ask" event and waits for its answer
 * on a host.* channel. Answers are checked here, in main — the typed
 * confirmation word, the drive chosen — so a renderer cannot skip a check by
 * answering "yes". Secrets typed on screen (PIN, share words) become bytes
 * here, for the runner to zero.
 */
export class RendererHost implements CeremonyHost {
  private readonly open = new Map<string, OpenQuestion>();
  /** The card printers of the shares shown now, by question id. */
  private readonly cardPrinters = new Map<string, () => Promise<void>>();

  constructor(
    /** Where events for the screen go; the app's ceremony runs send theirs through it too. */
    readonly emit: EventSink,
    /** The removable drives mounted now (main/bundle/removable-media.ts on a real machine). */
    private readonly listMedia: () => Promise<RemovableMedium[]>,
    private readonly newId: () => string = randomUUID,
  ) {}

  acknowledge(question: Ask<Extract<HostQuestion, { kind: 'acknowledge' }>>): Promise<void> {
    return this.ask({ ...question, kind: 'acknowledge' }, 'acknowledge', () => undefined);
  }

  confirm(question: Ask<Extract<HostQuestion, { kind: 'confirm' }>>): Promise<void> {
    return this.ask({ ...question, kind: 'confirm' }, 'confirm', (answer) => {
      if (answer.typed.trim() !== question.word) {
        throw new HostError('host.confirm-mismatch', `Type "${question.word}" exactly to go on. Nothing was done.`);
      }
    });
  }

  presentShare(question: Ask<Extract<HostQuestion, { kind: 'present-share' }>>, actions?: PresentShareActions): Promise<void> {
    const printCard = actions?.printCard;
    const id = this.newId();
    if (printCard) this.cardPrinters.set(id, printCard);
    return this.ask({ ...question, kind: 'present-share', ...(printCard ? { canPrint: true } : {}) }, 'share-hidden', () => undefined, id).finally(() => this.cardPrinters.delete(id));
  }

  /**
   * "Print the card" while a share is shown: the card goes to the printer the
   * administrator chooses; the share stays shown until it is hidden.
   * @throws HostError when no share is shown under this id, or it cannot be
   *   printed to paper here; the printer's own error when printing fails.
   */
  async printCard(id: string): Promise<void> {
    const open = this.find(id);
    const print = this.cardPrinters.get(id);
    if (open.question.kind !== 'present-share' || !print) {
      throw new HostError('host.wrong-answer', 'This card cannot be printed to paper here: only the desktop app prints. The card is in the bundle under custodians/ in a rehearsal, or when the script keeps cards in the bundle.');
    }
    await print();
  }

  /** A take-share that offers showAgain also takes a "show-again" answer: the promise then rejects with ShowShareAgain. */
  takeShare(question: Ask<Extract<HostQuestion, { kind: 'take-share' }>>): Promise<Uint8Array> {
    return this.ask({ ...question, kind: 'take-share' }, 'share-entered', (answer) => encodeShareWords(answer.words));
  }

  enterPin(question: Ask<Extract<HostQuestion, { kind: 'enter-pin' }>>): Promise<Uint8Array> {
    // The PIN arrives as a string (an input field holds one); it becomes bytes
    // here and the runner zeroes them after C_Login (docs/security.md).
    return this.ask({ ...question, kind: 'enter-pin' }, 'pin', (answer) => new TextEncoder().encode(answer.pin));
  }

  choosePassphrase(question: Ask<Extract<HostQuestion, { kind: 'choose-passphrase' }>>): Promise<PassphraseEntries> {
    // Both entries arrive as strings (input fields hold them); they become
    // bytes here, and the runner compares, uses and zeroes them.
    const encoder = new TextEncoder();
    return this.ask({ ...question, kind: 'choose-passphrase' }, 'passphrase', (answer) => ({ passphrase: encoder.encode(answer.passphrase), repeated: encoder.encode(answer.repeated) }));
  }

  async chooseMedia(question: MediaQuestion): Promise<string> {
    const media = await this.listMedia();
    return this.ask({ ...question, kind: 'choose-media', media }, 'media', async (answer) => {
      // The screen names a drive; main writes only to one that is a removable drive mounted now.
      const chosen = (await this.listMedia()).find((m) => m.mountPoint === answer.mountPoint);
      if (!chosen) {
        throw new HostError('host.media-unknown', `${answer.mountPoint} is not a removable drive mounted now. Plug the USB stick in and choose it from the list.`);
      }
      return chosen.mountPoint;
    });
  }

  notify(notice: RunnerNotice): void {
    switch (notice.kind) {
      case 'step':
        this.emit('runner.step', { step: notice.step, state: notice.state });
        return;
      case 'event':
        this.emit('transcript.event', { seq: notice.seq, type: notice.type, step: notice.step, sha256: notice.hash });
        return;
      case 'progress':
        this.emit('runner.progress', { step: notice.step, message: notice.message });
        return;
    }
  }

  /** The questions waiting for an answer, oldest first (for a screen that opened late or reloaded). */
  pending(): HostQuestion[] {
    return [...this.open.values()].map((open) => open.question);
  }

  /**
   * Delivers an answer from the screen.
   * @throws HostError when no such question is open, the answer is of another
   *   kind, or its check refuses it (the question then stays open).
   */
  answer(id: string, answer: HostAnswer): Promise<void> {
    return this.find(id).accept(answer);
  }

  /**
   * The room stops instead of answering: the runner's promise rejects with HostDeclined.
   * @throws HostError when no such question is open.
   */
  decline(id: string, reason: string): void {
    this.find(id).reject(new HostDeclined(`The room stopped the ceremony: ${reason}`));
  }

  /** Withdraws every open question (the window closed, the app quits): each runner promise rejects with HostDeclined. */
  close(reason: string): void {
    for (const open of [...this.open.values()]) open.reject(new HostDeclined(reason));
  }

  private find(id: string): OpenQuestion {
    const open = this.open.get(id);
    if (!open) throw new HostError('host.unknown-question', 'That question is no longer open (it was answered or withdrawn). The screen shows the current one.');
    return open;
  }

  private ask<K extends HostAnswer['kind'], T>(fields: WithoutId<HostQuestion>, answerKind: K, check: (answer: AnswerOf<K>) => T | Promise<T>, id = this.newId()): Promise<T> {
    const question = { ...fields, id } as HostQuestion;
    if (ANSWER_TO[question.kind] !== answerKind) throw new TypeError(`A ${question.kind} question cannot take a ${answerKind} answer.`);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        this.open.delete(question.id);
        this.emit('host.settled', { id: question.id });
        return true;
      };
      this.open.set(question.id, {
        question,
        accept: async (answer) => {
          if (answer.kind === 'show-again' && question.kind === 'take-share' && question.showAgain) {
            if (!settle()) throw new HostError('host.unknown-question', 'That question was already answered.');
            reject(new ShowShareAgain(answer.reason));
            return;
          }
          if (answer.kind !== answerKind) {
            throw new HostError('host.wrong-answer', `This screen asked for ${describeKind(question.kind)}; that answer does not fit it.`);
          }
          const value = await check(answer as AnswerOf<K>);
          // Two answers raced (a double click): the first one settled it.
          if (!settle()) throw new HostError('host.unknown-question', 'That question was already answered.');
          resolve(value);
        },
        reject: (error) => {
          if (settle()) reject(error);
        },
      });
      this.emit('host.ask', question);
    });
  }
}

function describeKind(kind: HostQuestion['kind']): string {
  switch (kind) {
    case 'acknowledge':
      return 'an acknowledgement';
    case 'confirm':
      return 'a typed confirmation';
    case 'present-share':
      return 'the share to be hidden';
    case 'take-share':
      return "a custodian's share";
    case 'enter-pin':
      return 'the token PIN';
    case 'choose-media':
      return 'a removable drive';
    case 'choose-passphrase':
      return "a custodian's passphrase, typed twice";
  }
}
