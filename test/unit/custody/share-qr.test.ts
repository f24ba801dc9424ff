import { describe, expect, it } from 'vitest';
import { shareQrSvg } from '../../../main/custody/share-qr.js';
import { decodeEnvelope } from '../../../main/custody/share-envelope.js';
import { readQr } from './qr-reader.js';
import { envelopeOf, shareVectors } from './share-vectors.js';

describe('share QR code', () => {
  it('is an SVG whose code a reader decodes to exactly the envelope bytes', async () => {
    for (const v of shareVectors) {
      const svg = await shareQrSvg(envelopeOf(v));
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(Buffer.from(readQr(svg).bytes).toString('hex'), v.name).toBe(v.envelope);
    }
  });

  it('uses error correction level Q, version 5 for a KEK share', async () => {
    const read = readQr(await shareQrSvg(envelopeOf(shareVectors[1]!)));
    expect([read.level, read.version]).toEqual(['Q', 5]);
  });

  it('gives a payload that reads back as the same share', async () => {
    const decoded = decodeEnvelope(readQr(await shareQrSvg(envelopeOf(shareVectors[1]!))).bytes);
    expect([decoded.setId, decoded.member, Buffer.from(decoded.share).toString('hex')]).toEqual([shareVectors[1]!.setId, 3, shareVectors[1]!.share]);
  });
});
