import { CustodyError } from './custody-error.js';
import { secretEquals, zero } from './secret-bytes.js';
import { encodeEnvelope, type ShareEnvelope } from './share-envelope.js';
import { shareFingerprint } from './share-fingerprint.js';
import { readShareInput, type ShareInput } from './share-input.js';

/** What the transcript records when a custodian proves receipt (share.verified): public facts only. */
export interface HandOffReceipt {
  setId: string;
  member: number;
  fingerprint: string;
}

/**
 * The custodian proves they hold a working share before leaving the room:
 * what they re-enter (words, or the sealed file and passphrase) must decode to
 * exactly the issued share, byte for byte. A typo is named by position like
 * any share entry; a valid but different share is refused as a mismatch.
 * @throws CustodyError receipt.mismatch, and whatever reading the input throws.
 */
export async function checkHandOffReceipt(issued: ShareEnvelope, reentered: ShareInput): Promise<HandOffReceipt> {
  const decoded = await readShareInput(reentered);
  const expected = encodeEnvelope(issued);
  const got = encodeEnvelope(decoded);
  try {
    if (!secretEquals(expected, got)) {
      const which =
        decoded.setId !== issued.setId
          ? `a share of another set (${decoded.setId})`
          : decoded.member !== issued.member
            ? `member ${decoded.member}'s share`
            : 'a different share under the same member number';
      throw new CustodyError('receipt.mismatch', `The share entered is ${which}, not the share just issued to member ${issued.member}. Re-enter it from this custodian's card.`, {
        members: [issued.member],
      });
    }
    return { setId: issued.setId, member: issued.member, fingerprint: shareFingerprint(issued.share) };
  } finally {
    zero(expected, got, decoded.share);
  }
}
