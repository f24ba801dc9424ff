import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { kekCheckValue } from '../../../main/custody/kek-check-value.js';
import { newShareSetId, splitKek } from '../../../main/custody/kek-split.js';
import { RecoveryIntake, type RecoveryExpectation } from '../../../main/custody/recovery-intake.js';
import { sealShare } from '../../../main/custody/sealed-share-file.js';
import { encodeEnvelope, type ShareEnvelope } from '../../../main/custody/share-envelope.js';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import { formatShareWords, shareToWords } from '../../../main/custody/share-words.js';

const words = (e: ShareEnvelope) => ({ kind: 'words' as const, words: formatShareWords(shareToWords(e)) });

async function ceremony(options: { fingerprints?: boolean } = {}) {
  const kek = randomBytes(32);
  const setId = newShareSetId();
  const shares = await splitKek(kek, { setId, threshold: 3, shareCount: 5 });
  const expectation: RecoveryExpectation = {
    setId,
    threshold: 3,
    shareCount: 5,
    kcv: kekCheckValue(kek),
    fingerprintLists: options.fingerprints === false ? [] : [{ source: 'backup.json', fingerprints: shares.map((s) => ({ member: s.member, fingerprint: shareFingerprint(s.share) })) }],
  };
  return { kek, shares, expectation };
}

/** The same share with one byte changed and a freshly computed checksum: valid words, wrong share. */
function altered(e: ShareEnvelope): ShareEnvelope {
  const share = new Uint8Array(e.share);
  share[0]! ^= 0x5a;
  return { ...e, share };
}

describe('recovery intake', () => {
  it('rebuilds the KEK from every 3 of the 5 shares, checked against its KCV', async () => {
    const { kek, shares, expectation } = await ceremony();
    for (const [a, b, c] of [[0, 1, 2], [0, 1, 3], [0, 1, 4], [0, 2, 3], [0, 2, 4], [0, 3, 4], [1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]]) {
      const intake = new RecoveryIntake(expectation);
      for (const i of [a!, b!, c!]) await intake.offer(words(shares[i]!));
      const rebuilt = await intake.rebuildKek();
      expect(Buffer.from(rebuilt.kek).equals(kek)).toBe(true);
      expect(rebuilt).toMatchObject({ kcv: expectation.kcv, badMembers: [] });
    }
  });

  it('refuses to combine with only 2 of a 3-of-5 set', async () => {
    const { shares, expectation } = await ceremony();
    const intake = new RecoveryIntake(expectation);
    await intake.offer(words(shares[0]!));
    await intake.offer(words(shares[4]!));
    expect(intake.ready).toBe(false);
    await expect(intake.rebuildKek()).rejects.toMatchObject({ code: 'share.too-few', message: '2 shares accepted; 3 are needed. Nothing was combined.' });
  });

  it('takes shares as words, as a QR payload and as a sealed file', async () => {
    const { kek, shares, expectation } = await ceremony();
    const intake = new RecoveryIntake(expectation);
    await intake.offer(words(shares[0]!));
    await intake.offer({ kind: 'qr', payload: encodeEnvelope(shares[1]!) });
    const file = await sealShare(shares[2]!, Buffer.from('passphrase of member 3'), { N: 1024, r: 8, p: 1 });
    await intake.offer({ kind: 'sealed-file', file, passphrase: Buffer.from('passphrase of member 3') });
    expect(intake.accepted.map((a) => a.member)).toEqual([1, 2, 3]);
    expect(Buffer.from((await intake.rebuildKek()).kek).equals(kek)).toBe(true);
  });

  it('names a share from another ceremony on entry', async () => {
    const { expectation } = await ceremony();
    const other = await ceremony();
    const intake = new RecoveryIntake(expectation);
    await expect(intake.offer(words(other.shares[1]!))).rejects.toMatchObject({ code: 'share.other-ceremony', message: expect.stringMatching(/member 2\) is from another ceremony/) });
    expect(intake.accepted).toEqual([]);
  });

  it('names a share of a set this ceremony declared void as such, with the reason, not as another ceremony\'s', async () => {
    const { expectation } = await ceremony();
    const replaced = await ceremony();
    const intake = new RecoveryIntake({ ...expectation, voidedSets: [{ setId: replaced.expectation.setId, reason: 'replaced by the rotation' }] });
    await expect(intake.offer(words(replaced.shares[2]!))).rejects.toMatchObject({
      code: 'share.voided-set',
      message: expect.stringMatching(/member 3\) is from share set \w+, which this ceremony's transcript declared void \(replaced by the rotation\)/),
    });
    expect(intake.accepted).toEqual([]);
  });

  it('names a duplicate share on entry', async () => {
    const { shares, expectation } = await ceremony();
    const intake = new RecoveryIntake(expectation);
    await intake.offer(words(shares[2]!));
    await expect(intake.offer({ kind: 'qr', payload: encodeEnvelope(shares[2]!) })).rejects.toMatchObject({ code: 'share.duplicate', members: [3] });
  });

  it('names a share altered in its bytes (checksum recomputed) by its fingerprint, on entry', async () => {
    const { shares, expectation } = await ceremony();
    const intake = new RecoveryIntake(expectation);
    await expect(intake.offer(words(altered(shares[1]!)))).rejects.toMatchObject({
      code: 'share.fingerprint',
      members: [2],
      message: expect.stringMatching(/^Member 2's share has fingerprint [0-9a-f]{16}, but backup\.json records [0-9a-f]{16}/),
    });
  });

  it('without fingerprints, catches an altered share by the KCV and asks for one more share', async () => {
    const { shares, expectation } = await ceremony({ fingerprints: false });
    const intake = new RecoveryIntake(expectation);
    for (const e of [shares[0]!, altered(shares[1]!), shares[2]!]) await intake.offer(words(e));
    await expect(intake.rebuildKek()).rejects.toMatchObject({ code: 'kek.kcv-mismatch', message: expect.stringMatching(/Enter one more custodian's share/) });
  });

  it('without fingerprints, names the altered share by trying subsets when more than M are offered', async () => {
    const { kek, shares, expectation } = await ceremony({ fingerprints: false });
    const intake = new RecoveryIntake(expectation);
    for (const e of [shares[0]!, altered(shares[1]!), shares[2]!, shares[3]!]) await intake.offer(words(e));
    const rebuilt = await intake.rebuildKek();
    expect(rebuilt.badMembers).toEqual([2]);
    expect(rebuilt.usedMembers).not.toContain(2);
    expect(Buffer.from(rebuilt.kek).equals(kek)).toBe(true);
    expect(intake.accepted.map((a) => a.member)).toEqual([1, 3, 4]);
  });

  it('says the KCV does not match when the shares rebuild another key', async () => {
    const { shares, expectation } = await ceremony();
    const intake = new RecoveryIntake({ ...expectation, kcv: '000000' });
    for (const e of shares.slice(0, 4)) await intake.offer(words(e));
    await expect(intake.rebuildKek()).rejects.toMatchObject({ code: 'kek.kcv-mismatch', message: expect.stringMatching(/No 3 of these 4 shares rebuild a KEK with check value 000000/) });
  });

  it('forgets every share it holds when discarded', async () => {
    const { shares, expectation } = await ceremony();
    const intake = new RecoveryIntake(expectation);
    for (const e of shares.slice(0, 3)) await intake.offer(words(e));
    intake.discard();
    expect(intake.accepted).toEqual([]);
    await expect(intake.rebuildKek()).rejects.toMatchObject({ code: 'share.too-few' });
  });
});
