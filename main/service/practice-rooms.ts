import { rmSync } from 'node:fs';
import { defaultModulePath } from '../hsm/default-module.js';
import { PracticeHost } from '../ceremony/rehearsal/practice-host.js';
import type { RehearsalPlan } from '../ceremony/rehearsal/rehearsal-plan.js';
import { PracticeTokenStore, type PracticeToken } from '../ceremony/rehearsal/practice-token-store.js';
import type { DocumentPrinter } from '../ceremony/runner/ceremony-printer.js';
import { startCeremony } from '../ceremony/runner/start-ceremony.js';

/**
 * The throwaway SoftHSM token stores of the app's rehearsals, kept for as
 * long as the process runs: a rehearsal stopped mid-way (the room pressed
 * stop, or the engine was restarted) is resumed on the same practice token
 * with the same practice PIN. The PINs exist only in this process, so after
 * the app itself exits a rehearsal cannot be resumed: a new one is started.
 */
export class PracticeRooms {
  private readonly stores = new Map<string, PracticeTokenStore>();

  /**
   * A new store with one empty token per label; SOFTHSM2_CONF now points at it.
   * @throws CeremonyError PREFLIGHT_FAILED when SoftHSM is not installed.
   */
  open(labels: string[]): PracticeTokenStore {
    const store = PracticeTokenStore.create(labels);
    this.stores.set(store.conf, store);
    return store;
  }

  /** The practice token of a store this process made, pointing SOFTHSM2_CONF back at it; undefined when it is gone. */
  reopen(conf: string, label: string): PracticeToken | undefined {
    const token = this.stores.get(conf)?.tokens.find((t) => t.label === label);
    if (token) process.env.SOFTHSM2_CONF = conf;
    return token;
  }

  /** Whether this process still holds the store (and so its PINs). */
  has(conf: string): boolean {
    return this.stores.has(conf);
  }

  /**
   * The practice root ceremony a later kind builds on (planRehearsal decides
   * it and its token, as for the CLI's rehearsal), run on the store's tokens
   * into `sourceDir` with every answer given by the practice host: its keys are
   * then on the token and its bundle is the later ceremony's source. Its
   * custodian cards are in `sourceDir`/custodians (a rehearsal always writes
   * them), for a later recovery or rotation to bring back on screen.
   * `printer`: what prints its transcript and cards (the app's); the runner's own when not given.
   * @throws whatever startCeremony throws; Error when the store is not this process's.
   */
  async practiceRoot(conf: string, root: NonNullable<RehearsalPlan['root']>, sourceDir: string, printing: { printer?: DocumentPrinter } = {}): Promise<void> {
    const store = this.stores.get(conf);
    if (!store) throw new Error(`The practice token store ${conf} is gone: start a new rehearsal.`);
    process.env.SOFTHSM2_CONF = conf;
    const host = new PracticeHost(new Map(store.tokens.map((t) => [t.label, t.pin])));
    try {
      await startCeremony({ scriptPath: root.scriptPath, bundleDir: sourceDir, host, rehearsal: true, modulePath: defaultModulePath(), tokenLabel: root.tokenLabel, ...printing });
    } finally {
      // The practice root's USB copies serve nothing (the bundle is the source): they go, like the sticks of a practice.
      for (const medium of [...host.media, ...host.shareSticks.map((s) => s.folder)]) rmSync(medium, { recursive: true, force: true });
      host.forget();
    }
  }

  /** Deletes one store (its tokens and PINs). */
  remove(conf: string): void {
    this.stores.get(conf)?.remove();
    this.stores.delete(conf);
  }

  /** Deletes every store (the app quits). */
  removeAll(): void {
    for (const conf of [...this.stores.keys()]) this.remove(conf);
  }
}
