import { randomBytes } from 'node:crypto';
import { splitKek } from '../../../main/custody/kek-split.js';
import type { ShareEnvelope } from '../../../main/custody/share-envelope.js';

/** Valid shares of fresh KEKs in several set shapes, from 2-of-2 to 128-of-255 (members spread over the set). */
export async function shareCorpus(): Promise<ShareEnvelope[]> {
  const shapes = [
    { threshold: 2, shareCount: 2 },
    { threshold: 3, shareCount: 5 },
    { threshold: 5, shareCount: 9 },
    { threshold: 128, shareCount: 255 },
  ];
  const envelopes: ShareEnvelope[] = [];
  for (const [i, shape] of shapes.entries()) {
    const kek = new Uint8Array(randomBytes(32));
    const shares = await splitKek(kek, { setId: `${i}`.padStart(16, 'f'), ...shape });
    envelopes.push(shares[0]!, shares[shares.length - 1]!);
  }
  return envelopes;
}
