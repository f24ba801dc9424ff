import { PracticeTokenStore, type PracticeToken } from '../ceremony/rehearsal/practice-token-store.js';

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
