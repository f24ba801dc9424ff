import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { checkHandOffReceipt } from '../../../main/custody/hand-off-receipt.js';
import { splitKek } from '../../../main/custody/kek-split.js';
import { sealShare } from '../../../main/custody/sealed-share-file.js';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import { formatShareWords, shareToWords } from '../../../main/custody/share-words.js';

const set = { setId: 'c0ffee00c0ffee00', threshold: 2, shareCount: 3 };

describe('hand-off receipt', () => {
  it('accepts the issued share re-typed from its words and returns only public facts', async () => {
    const [issued] = await splitKek(randomBytes(32), set);
    const typed = shareToWords(issued!).map((w) => w.slice(0, 4)).join(' ');
    expect(await checkHandOffReceipt(issued!, { kind: 'words', words: typed })).toEqual({ setId: set.setId, member: 1, fingerprint: shareFingerprint(issued!.share) });
  });

  it('accepts the issued share from its sealed file and passphrase', async () => {
    const [issued] = await splitKek(randomBytes(32), set);
    const file = await sealShare(issued!, Buffer.from('a long passphrase'), { N: 1024, r: 8, p: 1 });
    await expect(checkHandOffReceipt(issued!, { kind: 'sealed-file', file, passphrase: Buffer.from('a long passphrase') })).resolves.toMatchObject({ member: 1 });
  });

  it('names the wrong word when the custodian mistypes one', async () => {
    const [issued] = await splitKek(randomBytes(32), set);
    const words = shareToWords(issued!);
    words[14] = words[14] === 'zoo' ? 'zone' : 'zoo';
    await expect(checkHandOffReceipt(issued!, { kind: 'words', words: words.join(' ') })).rejects.toMatchObject({ code: 'share.word-wrong', positions: [15] });
  });

  it('refuses another member’s valid share as a mismatch', async () => {
    const [issued, other] = await splitKek(randomBytes(32), set);
    await expect(checkHandOffReceipt(issued!, { kind: 'words', words: formatShareWords(shareToWords(other!)) })).rejects.toMatchObject({
      code: 'receipt.mismatch',
      message: expect.stringMatching(/member 2's share, not the share just issued to member 1/),
    });
  });
});
