import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, sealShare, unsealShare } from '../../../main/custody/sealed-share-file.js';
import { parseSealedShareFile } from '../../../main/custody/sealed-share-format.js';
import { shareToWords } from '../../../main/custody/share-words.js';
import { envelopeOf, shareVectors } from './share-vectors.js';

const v = shareVectors[1]!;
const passphrase = () => new Uint8Array(Buffer.from('correct horse battery staple'));
const quick = { N: 2 ** 10, r: 8, p: 1 };

describe('sealed share file', () => {
  it('opens with the right passphrase to exactly the share sealed', async () => {
    const file = await sealShare(envelopeOf(v), passphrase(), quick);
    const opened = await unsealShare(file, passphrase());
    expect([opened.setId, opened.member, Buffer.from(opened.share).toString('hex')]).toEqual([v.setId, v.member, v.share]);
  });

  it('stores its scrypt parameters, the set, the member and the fingerprint in the clear, and nothing of the share', async () => {
    const file = await sealShare(envelopeOf(v), passphrase(), quick);
    const json = JSON.parse(Buffer.from(file).toString('utf8'));
    expect(json).toMatchObject({ format: 'conclave-sealed-share/1', setId: v.setId, member: 3, fingerprint: v.fingerprint, kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    const text = Buffer.from(file).toString('utf8');
    expect(Buffer.from(file).includes(Buffer.from(v.share, 'hex'))).toBe(false);
    for (const word of shareToWords(envelopeOf(v)).slice(1)) expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('says the passphrase is wrong when it is', async () => {
    const file = await sealShare(envelopeOf(v), passphrase(), quick);
    await expect(unsealShare(file, new Uint8Array(Buffer.from('correct horse battery stapler')))).rejects.toMatchObject({
      code: 'sealed.wrong-passphrase',
      message: expect.stringMatching(/^Wrong passphrase for the sealed share of member 3/),
    });
  });

  it('says a truncated file is truncated, wherever it was cut', async () => {
    const file = await sealShare(envelopeOf(v), passphrase(), quick);
    for (let cut = 1; cut < file.length - 2; cut++) {
      await expect(unsealShare(file.subarray(0, cut), passphrase())).rejects.toMatchObject({ code: 'sealed.truncated' });
    }
  });

  it('does not call a file with a broken character in the middle truncated', async () => {
    const file = Buffer.from(await sealShare(envelopeOf(v), passphrase(), quick));
    file[30] = 0x7d;
    await expect(unsealShare(file, passphrase())).rejects.toMatchObject({ code: 'sealed.malformed' });
  });

  it('says the file is damaged when its ciphertext or its clear header was altered', async () => {
    const file = await sealShare(envelopeOf(v), passphrase(), quick);
    const json = JSON.parse(Buffer.from(file).toString('utf8'));
    const flipped = Buffer.from(json.ciphertext, 'base64');
    flipped[5]! ^= 1;
    for (const altered of [{ ...json, ciphertext: flipped.toString('base64') }, { ...json, member: 4 }]) {
      await expect(unsealShare(Buffer.from(JSON.stringify(altered)), passphrase())).rejects.toMatchObject({ code: 'sealed.damaged' });
    }
  });

  it('says a file that is not a sealed share is not one', async () => {
    await expect(unsealShare(Buffer.from('hello'), passphrase())).rejects.toMatchObject({ code: 'sealed.malformed' });
    await expect(unsealShare(Buffer.from('{"format":"conclave-backup/1"}'), passphrase())).rejects.toMatchObject({ code: 'sealed.malformed', message: expect.stringMatching(/format/) });
  });

  it('refuses a file asking for an scrypt cost beyond its bounds', async () => {
    const json = JSON.parse(Buffer.from(await sealShare(envelopeOf(v), passphrase(), quick)).toString('utf8'));
    json.kdf.N = 2 ** 30;
    await expect(unsealShare(Buffer.from(JSON.stringify(json)), passphrase())).rejects.toMatchObject({ code: 'sealed.malformed', message: expect.stringMatching(/kdf\.N/) });
  });

  it('refuses a file whose scrypt parameters are each in bounds but together ask for gigabytes', async () => {
    const json = JSON.parse(Buffer.from(await sealShare(envelopeOf(v), passphrase(), quick)).toString('utf8'));
    Object.assign(json.kdf, { N: 2 ** 20, r: 16, p: 4 });
    const started = performance.now();
    await expect(unsealShare(Buffer.from(JSON.stringify(json)), passphrase())).rejects.toMatchObject({ code: 'sealed.malformed', message: expect.stringMatching(/N·r·p must be at most 2\^22/) });
    // Refused from the header alone: no key derivation was started.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts the header of a file at the largest work it allows (N·r·p = 2^22), and refuses one step more', async () => {
    const json = JSON.parse(Buffer.from(await sealShare(envelopeOf(v), passphrase(), quick)).toString('utf8'));
    Object.assign(json.kdf, { N: 2 ** 19, r: 8, p: 1 });
    expect(parseSealedShareFile(Buffer.from(JSON.stringify(json))).kdf).toMatchObject({ N: 2 ** 19, r: 8, p: 1 });
    Object.assign(json.kdf, { N: 2 ** 19, r: 8, p: 2 });
    expect(() => parseSealedShareFile(Buffer.from(JSON.stringify(json)))).toThrow(/N·r·p must be at most/);
  });

  it('refuses to seal under a passphrase shorter than 8 characters', async () => {
    await expect(sealShare(envelopeOf(v), new Uint8Array(Buffer.from('short')), quick)).rejects.toMatchObject({ code: 'sealed.malformed' });
  });

  // About 1.3 s on this machine when idle (sealed-share-file.ts); only the lower
  // bound is asserted, as other work on the shared cores can only slow it down.
  it('is costly to open with the default parameters (N = 2^18, r = 8): never under 0.4 s', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 18, r: 8, p: 1 });
    const file = await sealShare(envelopeOf(v), passphrase());
    const started = performance.now();
    await unsealShare(file, passphrase());
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(0.4);
  });
});
