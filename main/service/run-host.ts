import type { AcknowledgeQuestion, ChoosePassphraseQuestion, ConfirmQuestion, EnterPinQuestion, PresentShareQuestion, TakeShareQuestion } from '../../shared/ipc/host-questions.js';
import type { Ask, CeremonyHost, DeviationRecorder, MediaQuestion, PassphraseEntries, PresentShareActions, RunnerNotice } from '../ceremony/runner/ceremony-host.js';
import type { RendererHost } from './renderer-host.js';

/**
 * The host one app run of the runner talks to: every question goes to the
 * screen through the app's RendererHost; progress goes to the run, which
 * keeps its state for a screen that reloads and reads each transcript line
 * back for the live tail. In a rehearsal the PIN screen is told the
 * throwaway token's PIN, so the administrator practises typing it.
 */
export class RunHost implements CeremonyHost {
  /** Set by the runner once the transcript is open. */
  recordDeviation: DeviationRecorder | undefined;

  constructor(
    private readonly screen: RendererHost,
    private readonly onNotice: (notice: RunnerNotice) => void,
    /** Resolves once every transcript line announced so far has reached the screen. */
    private readonly linesSent: () => Promise<void>,
    /** The practice token's PIN, UTF-8, for a rehearsal only. */
    private readonly practicePin?: Uint8Array,
  ) {}

  // Each question waits for the lines before it, so the screen shows a step's
  // results (a key's fingerprint, a certificate's hash) before asking about them.
  async acknowledge(question: Ask<AcknowledgeQuestion>): Promise<void> {
    await this.linesSent();
    return this.screen.acknowledge(question);
  }

  async confirm(question: Ask<ConfirmQuestion>): Promise<void> {
    await this.linesSent();
    return this.screen.confirm(question);
  }

  async presentShare(question: Ask<PresentShareQuestion>, actions?: PresentShareActions): Promise<void> {
    await this.linesSent();
    return this.screen.presentShare(question, actions);
  }

  async takeShare(question: Ask<TakeShareQuestion>): Promise<Uint8Array> {
    await this.linesSent();
    return this.screen.takeShare(question);
  }

  async enterPin(question: Ask<EnterPinQuestion>): Promise<Uint8Array> {
    await this.linesSent();
    if (!this.practicePin) return this.screen.enterPin(question);
    return this.screen.enterPin({ ...question, practicePin: new TextDecoder().decode(this.practicePin) });
  }

  async choosePassphrase(question: Ask<ChoosePassphraseQuestion>): Promise<PassphraseEntries> {
    await this.linesSent();
    return this.screen.choosePassphrase(question);
  }

  async chooseMedia(question: MediaQuestion): Promise<string> {
    await this.linesSent();
    return this.screen.chooseMedia(question);
  }

  notify(notice: RunnerNotice): void {
    this.onNotice(notice);
  }

  attachDeviationRecorder(record: DeviationRecorder): void {
    this.recordDeviation = record;
  }
}
