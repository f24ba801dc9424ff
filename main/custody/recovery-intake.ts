import { CustodyError } from './custody-error.js';
import { combineShares } from './kek-split.js';
import { kekCheckValue } from './kek-check-value.js';
import { zero } from './secret-bytes.js';
import type { ShareEnvelope } from './share-envelope.js';
import { shareFingerprint } from './share-fingerprint.js';
import { readShareInput, type ShareInput } from './share-input.js';
import { MAX_SUBSETS, searchSubsets, subsetCount } from './subset-search.js';

/** What the recovery expects, from backup.json and (once it exists) the sealed transcript. */
export interface RecoveryExpectation {
  setId: string;
  threshold: number;
  shareCount: number;
  /** The KEK's KCV as recorded; the rebuilt KEK must match it. */
  kcv: string;
  /** Fingerprint lists to check each share against, each named for the messages ("backup.json", "the transcript"). */
  fingerprintLists: { source: string; fingerprints: readonly { member: number; fingerprint: string }[] }[];
  /** Share sets the bundle's transcript declared void (backup.voided), and why: a card of one is named as such. */
  voidedSets?: readonly { setId: string; reason: string }[];
}

/** A share accepted on entry: public facts only. */
export interface AcceptedShare {
  member: number;
  fingerprint: string;
}

/** The rebuilt, KCV-checked KEK. `kek` is secret: zero it after importing it. */
export interface RebuiltKek {
  kek: Uint8Array;
  kcv: string;
  usedMembers: number[];
  /** Shares found bad by subset search (empty when every share was good). */
  badMembers: number[];
}

/**
 * Recovery intake: shares come in one at a time and each is checked on entry,
 * before any combining — checksum, share set ("from another ceremony", or
 * from a set this ceremony declared void),
 * duplicate, fingerprint against every list — so a bad share is named while
 * its custodian is still at the table. The KEK is rebuilt only from at least M
 * distinct accepted shares and only returned if its KCV matches.
 */
export class RecoveryIntake {
  readonly #expect: RecoveryExpectation;
  readonly #shares: ShareEnvelope[] = [];

  constructor(expectation: RecoveryExpectation) {
    this.#expect = expectation;
  }

  /** Shares accepted so far, in the order they came. */
  get accepted(): AcceptedShare[] {
    return this.#shares.map((e) => ({ member: e.member, fingerprint: shareFingerprint(e.share) }));
  }

  /** Whether enough shares are in to try rebuilding the KEK. */
  get ready(): boolean {
    return this.#shares.length >= this.#expect.threshold;
  }

  /**
   * Checks one share and keeps it if it passes. The caller zeroes the input's buffers.
   * @throws CustodyError share.* / sealed.* from reading it, share.other-ceremony,
   *   share.other-set-shape, share.duplicate, share.unknown-member, share.fingerprint.
   */
  async offer(input: ShareInput): Promise<AcceptedShare> {
    const envelope = await readShareInput(input);
    try {
      this.#check(envelope);
    } catch (error) {
      zero(envelope.share);
      throw error;
    }
    this.#shares.push(envelope);
    return { member: envelope.member, fingerprint: shareFingerprint(envelope.share) };
  }

  /**
   * Rebuilds the KEK and checks its KCV. With more than M shares and a failing
   * KCV, searches the M-subsets and names the bad shares (they are dropped).
   * @throws CustodyError share.too-few (nothing combined), kek.kcv-mismatch.
   */
  async rebuildKek(): Promise<RebuiltKek> {
    const { threshold, kcv } = this.#expect;
    if (!this.ready) {
      const n = this.#shares.length;
      throw new CustodyError('share.too-few', `${n} share${n === 1 ? '' : 's'} accepted; ${threshold} are needed. Nothing was combined.`);
    }
    const kek = await combineShares(this.#shares);
    const got = kekCheckValue(kek);
    if (got === kcv) return { kek, kcv, usedMembers: this.#shares.map((e) => e.member), badMembers: [] };
    zero(kek);
    const n = this.#shares.length;
    if (n === threshold) {
      throw new CustodyError('kek.kcv-mismatch', `The rebuilt KEK's check value is ${got}, but ${kcv} was recorded: at least one of these ${n} shares is bad. Enter one more custodian's share so the bad one can be found.`);
    }
    if (subsetCount(n, threshold) > MAX_SUBSETS) {
      throw new CustodyError('kek.kcv-mismatch', `The rebuilt KEK's check value is ${got}, not ${kcv}, and ${n} shares are too many subsets to search: start again with ${threshold + 1} shares.`);
    }
    const found = await searchSubsets(this.#shares, threshold, kcv);
    if (!found) {
      throw new CustodyError('kek.kcv-mismatch', `No ${threshold} of these ${n} shares rebuild a KEK with check value ${kcv}: more than ${n - threshold} are bad, or the backup is from another ceremony.`);
    }
    this.#drop(found.badMembers);
    return { kek: found.kek, kcv, usedMembers: found.usedMembers, badMembers: found.badMembers };
  }

  /** Zeroes every share held. Call when the recovery ends, whatever happened. */
  discard(): void {
    this.#drop(this.#shares.map((e) => e.member));
  }

  #drop(members: number[]): void {
    for (let i = this.#shares.length - 1; i >= 0; i--) {
      if (members.includes(this.#shares[i]!.member)) zero(this.#shares.splice(i, 1)[0]!.share);
    }
  }

  #check(e: ShareEnvelope): void {
    const x = this.#expect;
    const voided = e.setId !== x.setId ? x.voidedSets?.find((v) => v.setId === e.setId) : undefined;
    if (voided) {
      throw new CustodyError(
        'share.voided-set',
        `This share (member ${e.member}) is from share set ${e.setId}, which this ceremony's transcript declared void (${voided.reason}). It restores nothing any more: set the card aside to be destroyed, and bring a card of the current set ${x.setId}.`,
        { members: [e.member] },
      );
    }
    if (e.setId !== x.setId) {
      throw new CustodyError('share.other-ceremony', `This share (member ${e.member}) is from another ceremony: its share set is ${e.setId}, this backup's is ${x.setId}.`, { members: [e.member] });
    }
    if (e.threshold !== x.threshold || e.shareCount !== x.shareCount) {
      throw new CustodyError('share.other-set-shape', `This share says ${e.threshold} of ${e.shareCount}; the backup records ${x.threshold} of ${x.shareCount}. It does not belong to this backup.`, { members: [e.member] });
    }
    if (this.#shares.some((s) => s.member === e.member)) {
      throw new CustodyError('share.duplicate', `Member ${e.member}'s share was already entered. Each custodian's share counts once.`, { members: [e.member] });
    }
    // Two members' shares on the same Shamir point cannot both be genuine.
    const twin = this.#shares.find((s) => s.share[s.share.length - 1] === e.share[e.share.length - 1]);
    if (twin) {
      throw new CustodyError('share.duplicate', `Member ${e.member}'s share sits on the same point as member ${twin.member}'s: one of them was altered. Set both aside and check their fingerprints.`, {
        members: [twin.member, e.member],
      });
    }
    const fingerprint = shareFingerprint(e.share);
    for (const list of x.fingerprintLists) {
      const recorded = list.fingerprints.find((f) => f.member === e.member);
      if (!recorded) throw new CustodyError('share.unknown-member', `${list.source} records no share for member ${e.member}.`, { members: [e.member] });
      if (recorded.fingerprint !== fingerprint) {
        throw new CustodyError('share.fingerprint', `Member ${e.member}'s share has fingerprint ${fingerprint}, but ${list.source} records ${recorded.fingerprint}: this share was altered or is not the one issued. Set it aside.`, {
          members: [e.member],
        });
      }
    }
  }
}
