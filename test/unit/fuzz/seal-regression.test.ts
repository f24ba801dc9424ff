import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySeal } from '../../../main/transcript/verify-seal.js';
import { makeSampleBundle, type SampleBundle } from '../bundle/sample-bundle.js';

// Found by the bundle fuzz (test/fuzz/targets/bundle.ts), on bits flipped in
// transcript.jsonl.p7s inside the carried audit certificate's public key:
// some made `conclave verify` crash with OpenSSL's "decode error" (pkijs
// parsed the certificate, node:crypto refused it); others were forgiven by
// asn1js and re-encoded away, so verify passed a seal `openssl cms -verify` refuses.
describe('a seal damaged inside its signer certificate', () => {
  let sample: SampleBundle;
  let p7s: Buffer;
  let transcript: Buffer;
  let roots: X509Certificate[];
  let spkiAt: number;
  let spkiLength: number;
  beforeAll(async () => {
    sample = await makeSampleBundle();
    p7s = readFileSync(join(sample.dir, 'transcript.jsonl.p7s'));
    transcript = readFileSync(join(sample.dir, 'transcript.jsonl'));
    roots = [new X509Certificate(readFileSync(join(sample.dir, 'certs', 'root.pem')))];
    const spki = new X509Certificate(readFileSync(join(sample.dir, 'certs', 'audit.pem'))).publicKey.export({ type: 'spki', format: 'der' });
    spkiAt = p7s.indexOf(spki);
    spkiLength = spki.length;
  });
  afterAll(() => sample.cleanup());

  const flipped = (offset: number, bit: number) => {
    const damaged = Buffer.from(p7s);
    damaged[offset]! ^= 1 << bit;
    return damaged;
  };

  it('fails the seal check for every bit flipped in the public key, never throwing', () => {
    expect(spkiAt).toBeGreaterThan(0);
    const codes = new Set<string>();
    for (let i = spkiAt; i < spkiAt + spkiLength; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const result = verifySeal(flipped(i, bit), transcript, { roots });
        expect(result.ok, `bit ${bit} of byte ${i}`).toBe(false);
        for (const p of result.problems) codes.add(p.code);
      }
    }
    expect([...codes]).toEqual(expect.arrayContaining(['not-cms', 'signer-certificate-invalid']));
  });

  it('refuses, as openssl cms -verify does, a seal whose public key has a wrong length', () => {
    const damaged = flipped(spkiAt + 1, 1);
    const result = verifySeal(damaged, transcript, { roots });
    expect(result.problems.map((p) => p.code)).toEqual(['not-cms']);
    expect(result.problems[0]!.message).toMatch(/not valid DER/);
    const file = join(sample.dir, '..', 'damaged.p7s');
    writeFileSync(file, damaged);
    const openssl = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', file, '-content', join(sample.dir, 'transcript.jsonl'), '-CAfile', join(sample.dir, 'certs', 'root.pem'), '-purpose', 'any', '-out', '/dev/null']);
    expect(openssl.status).not.toBe(0);
  });
});
