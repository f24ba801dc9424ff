import { describe, expect, it } from 'vitest';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import { shareVectors } from './share-vectors.js';

describe('share fingerprint', () => {
  it('is the first 8 bytes of SHA-256 of the share bytes, hex, for every vector', () => {
    for (const v of shareVectors) expect(shareFingerprint(Buffer.from(v.share, 'hex')), v.name).toBe(v.fingerprint);
  });
});
