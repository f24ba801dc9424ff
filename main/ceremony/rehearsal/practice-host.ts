import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ask, CeremonyHost, MediaQuestion, PassphraseEntries, RunnerNotice } from '../runner/ceremony-host.js';
import type { AcknowledgeQuestion, ChoosePassphraseQuestion, ConfirmQuestion, EnterPinQuestion, PresentShareQuestion, TakeShareQuestion } from '../../../shared/ipc/host-questions.js';

/** One practice custodian's card, as the rehearsal's stand-in custodian keeps it. */
export interface PracticeCard {
  custodian: string;
  member: number;
  /** The words, as typed back (secret, zeroed by forget()). */
  words: Uint8Array;
}

/** Where a practice custodian's sealed share file went: their practice USB stick (a temporary folder). */
export interface PracticeShareStick {
  custodian: string;
  folder: string;
}

/**
 * The passphrase a practice custodian seals their share file under: known,
 * so the rehearsal's sealed files can be opened in a drill. UTF-8 bytes, for
 * the caller to zero.
 */
export function practicePassphrase(custodian: string): Uint8Array {
  return new TextEncoder().encode(`practice passphrase of ${custodian}`);
}

/**
 * The people of a rehearsal, played by the program: the witness acknowledges
 * every step, the administrator types each confirmation word and the practice
 * PIN, each practice custodian copies their words and types them back (and,
 * when the script asks for sealed share files, seals theirs under their
 * practice passphrase onto a practice USB stick of their own), and every USB
 * copy goes to a fresh temporary folder. What it was asked is kept for the
 * rehearsal's report.
 */
export class PracticeHost implements CeremonyHost {
  readonly cards: PracticeCard[] = [];
  readonly media: string[] = [];
  readonly acknowledged: string[] = [];
  /** The practice USB sticks of custodians' sealed share files (temporary folders). */
  readonly shareSticks: PracticeShareStick[] = [];
  /** How many times each step has asked a custodian again after a refusal. */
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly pins: Map<string, Uint8Array>,
    private readonly onNotice?: (notice: RunnerNotice) => void,
  ) {}

  async acknowledge(question: Ask<AcknowledgeQuestion>): Promise<void> {
    this.acknowledged.push(`${question.step}: ${question.title}`);
  }

  async confirm(_question: Ask<ConfirmQuestion>): Promise<void> {}

  async presentShare(question: Ask<PresentShareQuestion>): Promise<void> {
    this.cards.push({ custodian: question.custodian, member: question.member, words: new TextEncoder().encode(question.words.join(' ')) });
  }

  /**
   * The custodian's newest card; asked again for the same step (the share was
   * refused: another ceremony's, say), the one before it — as a custodian who
   * holds the cards of two share sets hands over the other.
   */
  async takeShare(question: Ask<TakeShareQuestion>): Promise<Uint8Array> {
    const held = this.cards.filter((c) => question.custodian === undefined || c.custodian === question.custodian);
    const key = `${question.step}\u0000${question.custodian ?? ''}`;
    const asked = question.problem === undefined ? 0 : (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, asked);
    const card = held.at(-1 - asked);
    if (!card) throw new Error(`The practice custodian ${question.custodian ?? ''} holds no ${asked === 0 ? '' : 'other '}card${question.problem ? ` (the last was refused: ${question.problem})` : ''}.`);
    return Uint8Array.from(card.words);
  }

  async enterPin(question: Ask<EnterPinQuestion>): Promise<Uint8Array> {
    const pin = this.pins.get(question.token.label);
    if (!pin) throw new Error(`No practice PIN for token "${question.token.label}".`);
    if (question.problem) throw new Error(`The practice PIN was refused: ${question.problem}`);
    return Uint8Array.from(pin);
  }

  /** The practice custodian's passphrase, typed the same twice; asked again, it was refused, which a practice run cannot mend. */
  async choosePassphrase(question: Ask<ChoosePassphraseQuestion>): Promise<PassphraseEntries> {
    if (question.problem) throw new Error(`The practice passphrase of ${question.custodian} was refused: ${question.problem}`);
    return { passphrase: practicePassphrase(question.custodian), repeated: practicePassphrase(question.custodian) };
  }

  /** A fresh temporary folder: a USB copy's, or a custodian's own practice stick for their sealed share file. */
  async chooseMedia(question: MediaQuestion): Promise<string> {
    if (question.problem) throw new Error(`The practice USB folder was refused: ${question.problem}`);
    if (question.custodian !== undefined) {
      const folder = mkdtempSync(join(tmpdir(), 'conclave-practice-usb-share-'));
      this.shareSticks.push({ custodian: question.custodian, folder });
      return folder;
    }
    const dir = mkdtempSync(join(tmpdir(), `conclave-practice-usb-${question.copy}-`));
    this.media.push(dir);
    return dir;
  }

  notify(notice: RunnerNotice): void {
    this.onNotice?.(notice);
  }

  /** Zeroes every practice card. */
  forget(): void {
    for (const card of this.cards) card.words.fill(0);
  }
}
