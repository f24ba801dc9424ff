import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import { PracticeTokenStore } from '../../../main/ceremony/rehearsal/practice-token-store.js';

/** A practice custodian's share as it was shown to them: their words, UTF-8, space-separated. */
export interface CapturedCard {
  custodian: string;
  member: number;
  words: Uint8Array;
}

/** What a rehearsal's stand-in people were given, copied as bytes for the scan afterwards. */
export interface CapturedSecrets {
  cards: CapturedCard[];
  /** The practice tokens' user PINs (the ceremony token's and the recovery drill's), ASCII. */
  pins: Uint8Array[];
  /** Puts PracticeHost and PracticeTokenStore back as they were. */
  restore(): void;
}

/**
 * Wraps the rehearsal's practice host and token store, for this process, to
 * keep a byte copy of every share shown and every practice PIN made. Plain
 * replacement, not vi.spyOn: a spy would keep each call's arguments — the
 * words as JS strings — alive in the heap the scan then looks at.
 */
export function captureRehearsalSecrets(): CapturedSecrets {
  const cards: CapturedCard[] = [];
  const pins: Uint8Array[] = [];
  const presentShare = PracticeHost.prototype.presentShare;
  const addToken = PracticeTokenStore.prototype.addToken;
  PracticeHost.prototype.presentShare = async function (this: PracticeHost, question) {
    cards.push({ custodian: question.custodian, member: question.member, words: new TextEncoder().encode(question.words.join(' ')) });
    return presentShare.call(this, question);
  };
  PracticeTokenStore.prototype.addToken = function (this: PracticeTokenStore, label: string) {
    const token = addToken.call(this, label);
    pins.push(Uint8Array.from(token.pin));
    return token;
  };
  return {
    cards,
    pins,
    restore() {
      PracticeHost.prototype.presentShare = presentShare;
      PracticeTokenStore.prototype.addToken = addToken;
    },
  };
}
