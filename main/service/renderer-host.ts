import { randomUUID } from 'node:crypto';
import type { HostQuestion } from '../../shared/ipc/host-questions.js';
import type { CeremonyHost } from './ceremony-host.js';
import type { EventSink } from './event-sink.js';
import { HostError } from './host-error.js';
import { checkShareReceipt, encodeShareWords } from './share-words.js';

/** An answer from the screen, as the host.* channels deliver it. */
export type HostAnswer =
  | { kind: 'acknowledge' }
  | { kind: 'confirm'; typed: string }
  | { kind: 'share-received'; words: string[] }
  | { kind: 'share-entered'; words: string[] }
  | { kind: 'pin'; pin: string };

/** Which answer each question takes. */
const ANSWER_TO: { [K in HostQuestion['kind']]: HostAnswer['kind'] } = {
  acknowledge: 'acknowledge',
  confirm: 'confirm',
  'present-share': 'share-received',
  'take-share': 'share-entered',
  'enter-pin': 'pin',
};

type AnswerOf<K extends HostAnswer['kind']> = Extract<HostAnswer, { kind: K }>;
type QuestionOf<K extends HostQuestion['kind']> = Extract<HostQuestion, { kind: K }>;
/** A question before the host gives it an id (distributes over the union, keeping each kind's fields). */
type WithoutId<Q> = Q extends unknown ? Omit<Q, 'id'> : never;

interface OpenQuestion {
  question: HostQuestion;
  /** Checks the answer and settles the question; throws a HostError to refuse it (the question stays open). */
  accept(answer: HostAnswer): void;
  reject(error: HostError): void;
}

/**
 * The runner's host in the app: each question goes to the screen as a
 * "host.ask" event and waits for its answer on a host.* channel. Answers are
 * checked here, in main — the typed confirmation word, the re-entered share —
 * so a renderer cannot skip a check by answering "yes".
 */
export class RendererHost implements CeremonyHost {
  private readonly open = new Map<string, OpenQuestion>();

  constructor(
    private readonly emit: EventSink,
    private readonly newId: () => string = randomUUID,
  ) {}

  acknowledge(question: Omit<QuestionOf<'acknowledge'>, 'id' | 'kind'>): Promise<void> {
    return this.ask({ ...question, kind: 'acknowledge' }, 'acknowledge', () => undefined);
  }

  confirm(question: Omit<QuestionOf<'confirm'>, 'id' | 'kind'>): Promise<void> {
    return this.ask({ ...question, kind: 'confirm' }, 'confirm', (answer) => {
      if (answer.typed.trim() !== question.word) {
        throw new HostError('host.confirm-mismatch', `Type "${question.word}" exactly to go on. Nothing was done.`);
      }
    });
  }

  presentShare(question: Omit<QuestionOf<'present-share'>, 'id' | 'kind'>): Promise<void> {
    return this.ask({ ...question, kind: 'present-share' }, 'share-received', (answer) => checkShareReceipt(question.words, answer.words));
  }

  takeShare(question: Omit<QuestionOf<'take-share'>, 'id' | 'kind'>): Promise<Uint8Array> {
    return this.ask({ ...question, kind: 'take-share' }, 'share-entered', (answer) => encodeShareWords(answer.words));
  }

  enterPin(question: Omit<QuestionOf<'enter-pin'>, 'id' | 'kind'>): Promise<Uint8Array> {
    // The PIN arrives as a string (an input field holds one); it becomes bytes
    // here and the runner zeroes them after C_Login (docs/security.md).
    return this.ask({ ...question, kind: 'enter-pin' }, 'pin', (answer) => new TextEncoder().encode(answer.pin));
  }

  /** The questions waiting for an answer, oldest first. */
  pending(): HostQuestion[] {
    return [...this.open.values()].map((open) => open.question);
  }

  /**
   * Delivers an answer from the screen.
   * @throws HostError when no such question is open, the answer is of another
   *   kind, or the check refuses it (the question then stays open).
   */
  answer(id: string, answer: HostAnswer): void {
    this.find(id).accept(answer);
  }

  /**
   * The room stops instead of answering: the runner's promise rejects with "host.declined".
   * @throws HostError when no such question is open.
   */
  decline(id: string, reason: string): void {
    this.find(id).reject(new HostError('host.declined', `Stopped at "${id}": ${reason}`));
  }

  /** Withdraws every open question (the window closed, the app quits): each runner promise rejects with "host.closed". */
  close(reason: string): void {
    for (const open of [...this.open.values()]) open.reject(new HostError('host.closed', reason));
  }

  private find(id: string): OpenQuestion {
    const open = this.open.get(id);
    if (!open) throw new HostError('host.unknown-question', 'That question is no longer open (it was answered or withdrawn). The screen shows the current one.');
    return open;
  }

  private ask<K extends HostAnswer['kind'], T>(
    fields: WithoutId<HostQuestion>,
    answerKind: K,
    check: (answer: AnswerOf<K>) => T,
  ): Promise<T> {
    const question = { ...fields, id: this.newId() } as HostQuestion;
    if (ANSWER_TO[question.kind] !== answerKind) throw new TypeError(`A ${question.kind} question cannot take a ${answerKind} answer.`);
    return new Promise<T>((resolve, reject) => {
      const settle = (): void => {
        this.open.delete(question.id);
        this.emit('host.settled', { id: question.id });
      };
      this.open.set(question.id, {
        question,
        accept: (answer) => {
          if (answer.kind !== answerKind) {
            throw new HostError('host.wrong-answer', `This screen asked for ${describeKind(question.kind)}; that answer does not fit it.`);
          }
          const value = check(answer as AnswerOf<K>);
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(error);
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
      return "the custodian's re-entry of the share shown";
    case 'take-share':
      return "a custodian's share";
    case 'enter-pin':
      return 'the token PIN';
  }
}
