import { readFileSync } from 'node:fs';
import type { ShareEnvelope } from '../../../main/custody/share-envelope.js';

/** One known answer from test/vectors/custody/share-envelope.json (made by an independent Python implementation). */
export interface ShareVector {
  name: string;
  setId: string;
  member: number;
  threshold: number;
  shareCount: number;
  share: string;
  fingerprint: string;
  envelope: string;
  wordIndices: number[];
  checkWords: number[];
  words: string;
}

export const shareVectors: ShareVector[] = JSON.parse(
  readFileSync(new URL('../../vectors/custody/share-envelope.json', import.meta.url), 'utf8'),
).vectors;

/** The vector's envelope fields, with a fresh copy of its share bytes. */
export function envelopeOf(v: ShareVector): ShareEnvelope {
  return { setId: v.setId, member: v.member, threshold: v.threshold, shareCount: v.shareCount, share: new Uint8Array(Buffer.from(v.share, 'hex')) };
}
