import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { EcCurve, SignatureAlgorithm } from '../../../main/hsm/key-spec.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { ecdsaRawToDer, opensslVerifies, type Digest } from './openssl-judge.js';

const CURVES: { curve: EcCurve; coordinateBytes: number }[] = [
  { curve: 'P-256', coordinateBytes: 32 },
  { curve: 'P-384', coordinateBytes: 48 },
  { curve: 'P-521', coordinateBytes: 66 },
];
const DIGESTS: Digest[] = ['sha256', 'sha384', 'sha512'];
const MESSAGE = new TextEncoder().encode('tbsCertificate of the Conclave test root, 2026-11-29');

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;

beforeAll(async () => {
  store = createTokenStore(['signing']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'signing' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  for (const { curve } of CURVES) await session.generateKeyPair({ label: `ec-${curve}`, type: { kind: 'ec', curve }, extractable: false });
  await session.generateKeyPair({ label: 'rsa-2048', type: { kind: 'rsa', bits: 2048 }, extractable: false });
  await session.generateKeyPair({ label: 'rsa-3072', type: { kind: 'rsa', bits: 3072 }, extractable: false });
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe.each(CURVES)('ECDSA on $curve', ({ curve, coordinateBytes }) => {
  it.each(DIGESTS)('ecdsa-%s: r || s of the curve size, verified by openssl', async (digest) => {
    const signer = await session.signer(`ec-${curve}`);
    const raw = await signer.sign(`ecdsa-${digest}` as SignatureAlgorithm, MESSAGE);
    expect(raw).toHaveLength(2 * coordinateBytes);
    const verdict = opensslVerifies(signer.spki, digest, MESSAGE, ecdsaRawToDer(raw));
    expect(verdict.output).toContain('Verified OK');
    expect(verdict.ok).toBe(true);
  });
});

describe.each(['rsa-2048', 'rsa-3072'])('RSA signatures with %s', (label) => {
  it.each(DIGESTS)('PKCS#1 v1.5 with %s, verified by openssl', async (digest) => {
    const signer = await session.signer(label);
    const signature = await signer.sign(`rsa-pkcs1-${digest}` as SignatureAlgorithm, MESSAGE);
    expect(signature).toHaveLength(Number(label.slice(4)) / 8);
    expect(opensslVerifies(signer.spki, digest, MESSAGE, signature).ok).toBe(true);
  });

  it.each(DIGESTS)('PSS with %s (salt = digest length), verified by openssl', async (digest) => {
    const signer = await session.signer(label);
    const signature = await signer.sign(`rsa-pss-${digest}` as SignatureAlgorithm, MESSAGE);
    expect(opensslVerifies(signer.spki, digest, MESSAGE, signature, { pss: true }).ok).toBe(true);
  });
});

describe('the signer', () => {
  it('carries the key pair\'s SPKI, CKA_ID and type', async () => {
    const info = (await session.findKeyPair('ec-P-384'))!;
    const signer = await session.signer('ec-P-384');
    expect(Buffer.from(signer.spki).equals(Buffer.from(info.spki))).toBe(true);
    expect(signer.keyId).toBe(info.id);
    expect(signer.keyType).toEqual({ kind: 'ec', curve: 'P-384' });
  });

  it('signs a digest computed by the caller (CKM_ECDSA), verified by openssl over the message', async () => {
    const signer = await session.signer('ec-P-384');
    const raw = await signer.signDigest(createHash('sha384').update(MESSAGE).digest());
    expect(opensslVerifies(signer.spki, 'sha384', MESSAGE, ecdsaRawToDer(raw)).ok).toBe(true);
  });

  it('a signature does not verify over another message (the judge is not a rubber stamp)', async () => {
    const signer = await session.signer('ec-P-256');
    const raw = await signer.sign('ecdsa-sha256', MESSAGE);
    const other = new TextEncoder().encode('another message');
    expect(opensslVerifies(signer.spki, 'sha256', other, ecdsaRawToDer(raw)).ok).toBe(false);
  });

  it('signatures asked for all at once are queued, one operation at a time, and all verify', async () => {
    const ec = await session.signer('ec-P-256');
    const rsa = await session.signer('rsa-2048');
    const messages = Array.from({ length: 8 }, (_, i) => new TextEncoder().encode(`message ${i}`));
    const signatures = await Promise.all(messages.flatMap((m) => [ec.sign('ecdsa-sha256', m), rsa.sign('rsa-pss-sha256', m)]));
    messages.forEach((m, i) => {
      expect(opensslVerifies(ec.spki, 'sha256', m, ecdsaRawToDer(signatures[2 * i]!)).ok).toBe(true);
      expect(opensslVerifies(rsa.spki, 'sha256', m, signatures[2 * i + 1]!, { pss: true }).ok).toBe(true);
    });
  });

  it.each([
    ['rsa-pkcs1-sha256', 'ec-P-384'],
    ['rsa-pss-sha384', 'ec-P-256'],
    ['ecdsa-sha256', 'rsa-2048'],
  ] as [SignatureAlgorithm, string][])('%s with key %s → INVALID_ARGUMENT naming the key type it needs', async (algorithm, label) => {
    const signer = await session.signer(label);
    const error = await signer.sign(algorithm, MESSAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsmError);
    expect((error as HsmError).code).toBe('INVALID_ARGUMENT');
    expect((error as HsmError).message).toContain(algorithm);
    expect((error as HsmError).message).toMatch(algorithm.startsWith('ecdsa') ? /needs an EC key/ : /needs an RSA key/);
  });

  it('an algorithm Conclave does not offer (e.g. ecdsa-sha1 from a hand-written script) → INVALID_ARGUMENT, nothing signed', async () => {
    const signer = await session.signer('ec-P-256');
    const error = await signer.sign('ecdsa-sha1' as SignatureAlgorithm, MESSAGE).catch((e: unknown) => e);
    expect((error as HsmError).code).toBe('INVALID_ARGUMENT');
    expect((error as HsmError).message).toContain('ecdsa-sha1');
  });

  it('a key pair that is not on the token → KEY_NOT_FOUND naming the label and the token', async () => {
    const error = await session.signer('no-such-key').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsmError);
    expect((error as HsmError).code).toBe('KEY_NOT_FOUND');
    expect((error as HsmError).message).toContain('"no-such-key"');
    expect((error as HsmError).message).toContain('"signing"');
  });
});
