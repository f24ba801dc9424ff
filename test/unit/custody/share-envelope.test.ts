import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, envelopeFromWords, envelopeToWords } from '../../../main/custody/share-envelope.js';
import { wordCountFor } from '../../../main/custody/envelope-layout.js';
import { envelopeOf, shareVectors } from './share-vectors.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('share envelope', () => {
  it('encodes every known-answer vector to its bytes and words', () => {
    for (const v of shareVectors) {
      expect(hex(encodeEnvelope(envelopeOf(v))), v.name).toBe(v.envelope);
      expect(Array.from(envelopeToWords(envelopeOf(v))), v.name).toEqual(v.wordIndices);
    }
  });

  it('decodes every known-answer vector from its bytes and from its words', () => {
    for (const v of shareVectors) {
      for (const decoded of [decodeEnvelope(Buffer.from(v.envelope, 'hex')), envelopeFromWords(Uint16Array.from(v.wordIndices))]) {
        expect({ ...decoded, share: hex(decoded.share) }, v.name).toEqual({ setId: v.setId, member: v.member, threshold: v.threshold, shareCount: v.shareCount, share: v.share });
      }
    }
  });

  it('returns share bytes of its own, which survive clearing the decoded buffer', () => {
    const bytes = Buffer.from(shareVectors[1]!.envelope, 'hex');
    const decoded = decodeEnvelope(bytes);
    bytes.fill(0);
    expect(hex(decoded.share)).toBe(shareVectors[1]!.share);
  });

  it('has 38 words for a 32-byte KEK', () => {
    expect(wordCountFor(33)).toBe(38);
  });

  it('refuses bytes with any one bit flipped, as a damaged checksum or a malformed share', () => {
    const bytes = Buffer.from(shareVectors[1]!.envelope, 'hex');
    for (let bit = 3 * 8; bit < bytes.length * 8; bit++) {
      const altered = new Uint8Array(bytes);
      altered[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(() => decodeEnvelope(altered), `bit ${bit}`).toThrow(expect.objectContaining({ code: expect.stringMatching(/^share\.(checksum|malformed)$/) }));
    }
  });

  it('says a truncated QR payload is incomplete', () => {
    const bytes = Buffer.from(shareVectors[1]!.envelope, 'hex');
    expect(() => decodeEnvelope(bytes.subarray(0, bytes.length - 1))).toThrow(expect.objectContaining({ code: 'share.malformed', message: expect.stringMatching(/incomplete/) }));
  });

  it('says bytes without the marker are not a Conclave share', () => {
    expect(() => decodeEnvelope(Buffer.from('hello, world'))).toThrow(expect.objectContaining({ code: 'share.not-a-share' }));
  });

  it('names an envelope version it does not read', () => {
    const bytes = new Uint8Array(Buffer.from(shareVectors[1]!.envelope, 'hex'));
    bytes[2] = 2;
    expect(() => decodeEnvelope(bytes)).toThrow(expect.objectContaining({ code: 'share.version', message: expect.stringMatching(/version 2/) }));
  });

  it('refuses to encode a member outside 1..N or a threshold above N', () => {
    const v = shareVectors[1]!;
    expect(() => encodeEnvelope({ ...envelopeOf(v), member: 6 })).toThrow(expect.objectContaining({ code: 'share.malformed', message: expect.stringMatching(/member 6/) }));
    expect(() => encodeEnvelope({ ...envelopeOf(v), threshold: 6 })).toThrow(expect.objectContaining({ code: 'share.malformed', message: expect.stringMatching(/threshold 6 of 5/) }));
  });

  it('refuses share bytes whose x-coordinate (last byte) is zero', () => {
    const e = envelopeOf(shareVectors[1]!);
    e.share[e.share.length - 1] = 0;
    expect(() => encodeEnvelope(e)).toThrow(expect.objectContaining({ code: 'share.malformed' }));
  });
});
