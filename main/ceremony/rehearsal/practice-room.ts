import { Hsm } from '../../hsm/hsm.js';
import { defaultModulePath } from '../../hsm/default-module.js';
import type { RunnerNotice } from '../runner/ceremony-host.js';
import type { FinishedBundle } from '../runner/finish-ceremony.js';
import { startCeremony } from '../runner/start-ceremony.js';
import { PracticeHost, type PracticeCard, type PracticeShareStick } from './practice-host.js';
import { PracticeTokenStore } from './practice-token-store.js';
import { recoveryDrill, type DrillResult } from './recovery-drill.js';

/** The token label of the recovery drill's target; a second drill in the same room gets a numbered one. */
export const RECOVERY_TOKEN = 'conclave-recovery-drill';

/**
 * Everything a rehearsal plays on: a throwaway SoftHSM token store and the
 * practice people (one PracticeHost for every ceremony in the room, so the
 * cards handed out in a practice root ceremony are the ones brought back in a
 * later recovery or rotation). Ceremonies run in it one after another on the
 * same tokens.
 */
export class PracticeRoom {
  private readonly pins = new Map<string, Uint8Array>();
  readonly host: PracticeHost;

  private constructor(
    private readonly store: PracticeTokenStore,
    onNotice?: (notice: RunnerNotice) => void,
  ) {
    for (const token of store.tokens) this.pins.set(token.label, token.pin);
    this.host = new PracticeHost(this.pins, onNotice);
  }

  /**
   * A fresh store with one empty token per label.
   * @throws CeremonyError PREFLIGHT_FAILED when SoftHSM is not installed.
   */
  static open(labels: string[], onNotice?: (notice: RunnerNotice) => void): PracticeRoom {
    return new PracticeRoom(PracticeTokenStore.create(labels), onNotice);
  }

  /** Whether the room has a token with this label. */
  hasToken(label: string): boolean {
    return this.pins.has(label);
  }

  /** One more empty token; `label`, or `label-2`, `label-3`… when that is taken. Returns the label used. */
  addToken(label: string): string {
    let chosen = label;
    for (let n = 2; this.pins.has(chosen); n++) chosen = `${label}-${n}`;
    const token = this.store.addToken(chosen);
    this.pins.set(token.label, token.pin);
    return token.label;
  }

  /**
   * Runs one ceremony of the rehearsal with every answer practised, every
   * output marked REHEARSAL. Returns with it the cards it handed out and the
   * folders its practice USB copies went to.
   * @throws whatever startCeremony throws (ScriptError, CeremonyError, HsmError, …).
   */
  async ceremony(scriptPath: string, bundleDir: string, room: { source?: string; tokenLabel?: string } = {}): Promise<{ finished: FinishedBundle; cards: PracticeCard[]; media: string[]; shareSticks: PracticeShareStick[] }> {
    const cardsBefore = this.host.cards.length;
    const mediaBefore = this.host.media.length;
    const sticksBefore = this.host.shareSticks.length;
    const finished = await startCeremony({
      scriptPath,
      bundleDir,
      host: this.host,
      rehearsal: true,
      modulePath: defaultModulePath(),
      ...(room.source !== undefined ? { source: room.source } : {}),
      ...(room.tokenLabel !== undefined ? { tokenLabel: room.tokenLabel } : {}),
    });
    return { finished, cards: this.host.cards.slice(cardsBefore), media: this.host.media.slice(mediaBefore), shareSticks: this.host.shareSticks.slice(sticksBefore) };
  }

  /**
   * The recovery drill of a bundle that made a backup: a threshold of `cards`
   * (the shares that ceremony handed out) restore it into a new empty token.
   */
  async drill(bundleDir: string, cards: readonly PracticeCard[]): Promise<DrillResult> {
    const label = this.addToken(RECOVERY_TOKEN);
    const hsm = await Hsm.open({ modulePath: defaultModulePath() });
    try {
      return await recoveryDrill(hsm, bundleDir, cards, { label, pin: this.pins.get(label)! });
    } finally {
      await hsm.close();
    }
  }

  /** Zeroes the practice cards and PINs and deletes the tokens. */
  close(): void {
    this.host.forget();
    this.store.remove();
  }
}
