import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { EcCurve, KeyPairInfo, RsaBits, SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { opensslReadsPublicKey, rfc7093Method1, subjectPublicKey } from './openssl-judge.js';
import { TokenReader } from './token-reader.js';

// Keys are made through the HSM layer; everything asserted below is read back
// from the token with graphene directly, or judged by openssl.

const CURVES: { curve: EcCurve; oid: string; bits: number; extractable: boolean }[] = [
  { curve: 'P-256', oid: '06082a8648ce3d030107', bits: 256, extractable: false },
  { curve: 'P-384', oid: '06052b81040022', bits: 384, extractable: true },
  { curve: 'P-521', oid: '06052b81040023', bits: 521, extractable: false },
];
const RSA_SIZES: { bits: RsaBits; extractable: boolean }[] = [
  { bits: 2048, extractable: false },
  { bits: 3072, extractable: true },
  { bits: 4096, extractable: false },
];
const SECRET_KEYS = [
  { label: 'master-extractable', extractable: true },
  { label: 'master-kept', extractable: false },
];

const ecLabel = (curve: EcCurve): string => `ec-${curve}`;
const rsaLabel = (bits: number): string => `rsa-${bits}`;

let store: TestTokenStore;
let reader: TokenReader;
const pairs = new Map<string, KeyPairInfo>();
const secrets = new Map<string, SecretKeyInfo>();

beforeAll(async () => {
  store = createTokenStore(['keygen']);
  const hsm = await Hsm.open();
  try {
    const session = await hsm.openSession({ label: 'keygen' });
    await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
    for (const { curve, extractable } of CURVES) {
      pairs.set(ecLabel(curve), await session.generateKeyPair({ label: ecLabel(curve), type: { kind: 'ec', curve }, extractable }));
    }
    for (const { bits, extractable } of RSA_SIZES) {
      pairs.set(rsaLabel(bits), await session.generateKeyPair({ label: rsaLabel(bits), type: { kind: 'rsa', bits }, extractable }));
    }
    for (const { label, extractable } of SECRET_KEYS) {
      secrets.set(label, await session.generateSecretKey({ label, type: { kind: 'aes', bits: 256 }, extractable }));
    }
    await session.logout();
    await session.close();
  } finally {
    await hsm.close();
  }
  reader = TokenReader.open('keygen', store.tokens[0]!.pin);
});

afterAll(() => {
  reader?.close();
  store?.cleanup();
});

const keyPairCases = [
  ...CURVES.map((c) => ({ label: ecLabel(c.curve), kind: 'ec' as const, extractable: c.extractable, curve: c })),
  ...RSA_SIZES.map((r) => ({ label: rsaLabel(r.bits), kind: 'rsa' as const, extractable: r.extractable, bits: r.bits })),
];

describe.each(keyPairCases)('key pair $label', ({ label, kind, extractable, ...size }) => {
  it('is stored as token objects: private key private, sensitive, extractable only as asked', () => {
    const priv = reader.attributes('private', label, { token: null, private: null, sensitive: null, extractable: null, alwaysSensitive: null, neverExtractable: null, sign: null, decrypt: null, unwrap: null, label: null });
    expect(priv).toEqual({ token: true, private: true, sensitive: true, extractable, alwaysSensitive: true, neverExtractable: !extractable, sign: true, decrypt: false, unwrap: false, label });
    const pub = reader.attributes('public', label, { token: null, verify: null, label: null });
    expect(pub).toEqual({ token: true, verify: true, label });
  });

  it('has one CKA_ID on both halves, equal to RFC 7093 method 1 of its SPKI (computed with openssl asn1parse)', () => {
    const info = pairs.get(label)!;
    const privId = (reader.attributes('private', label, { id: null }).id as Buffer).toString('hex');
    const pubId = (reader.attributes('public', label, { id: null }).id as Buffer).toString('hex');
    expect(privId).toBe(pubId);
    expect(pubId).toBe(rfc7093Method1(info.spki));
    expect(info.id).toBe(pubId);
  });

  it('reports an SPKI that openssl reads back byte for byte, and its SHA-256', () => {
    const info = pairs.get(label)!;
    const { der } = opensslReadsPublicKey(info.spki);
    expect(der.equals(Buffer.from(info.spki))).toBe(true);
    expect(info.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(info.extractable).toBe(extractable);
  });

  if (kind === 'ec') {
    const { curve, oid, bits } = (size as { curve: (typeof CURVES)[number] }).curve;
    it(`is on ${curve}: CKA_EC_PARAMS names the curve and the SPKI holds the token's point`, () => {
      const info = pairs.get(label)!;
      const a = reader.attributes('public', label, { paramsECDSA: null, pointEC: null });
      expect((a.paramsECDSA as Buffer).toString('hex')).toBe(oid);
      // CKA_EC_POINT is the DER OCTET STRING of the point; the SPKI carries the bare point.
      expect((a.pointEC as Buffer).subarray(-subjectPublicKey(info.spki).length).equals(subjectPublicKey(info.spki))).toBe(true);
      const { text } = opensslReadsPublicKey(info.spki);
      expect(text).toContain(`Public-Key: (${bits} bit)`);
      expect(text).toContain(`NIST CURVE: ${curve}`);
      expect(info.type).toEqual({ kind: 'ec', curve });
    });
  } else {
    const bits = (size as { bits: RsaBits }).bits;
    it(`is RSA-${bits}: the token's modulus and exponent 65537 are the SPKI's`, () => {
      const info = pairs.get(label)!;
      const a = reader.attributes('public', label, { modulus: null, publicExponent: null });
      const jwk = createPublicKey({ key: Buffer.from(info.spki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
      expect(Buffer.from(jwk.n!, 'base64url').equals(a.modulus as Buffer)).toBe(true);
      expect((a.publicExponent as Buffer).toString('hex').replace(/^0+/, '')).toBe('10001');
      const { text } = opensslReadsPublicKey(info.spki);
      expect(text).toContain(`Public-Key: (${bits} bit)`);
      expect(info.type).toEqual({ kind: 'rsa', bits });
    });
  }
});

describe.each(SECRET_KEYS)('AES-256 secret key $label', ({ label, extractable }) => {
  it('is a token object, private, sensitive, 32 bytes, extractable only as asked', () => {
    const a = reader.attributes('secret', label, { token: null, private: null, sensitive: null, extractable: null, valueLen: null, label: null });
    expect(a).toEqual({ token: true, private: true, sensitive: true, extractable, valueLen: 32, label });
    expect(secrets.get(label)!.extractable).toBe(extractable);
    expect(secrets.get(label)!.type).toEqual({ kind: 'aes', bits: 256 });
  });

  it('never gives its value out', () => {
    expect(() => reader.attributes('secret', label, { value: null })).toThrow(/CKR_ATTRIBUTE_SENSITIVE/);
  });

  it('has a KCV equal to the token\'s CKA_CHECK_VALUE, and the CKA_ID reported', () => {
    const a = reader.attributes('secret', label, { checkValue: null, id: null });
    expect(secrets.get(label)!.kcv).toBe((a.checkValue as Buffer).toString('hex'));
    expect(secrets.get(label)!.kcv).toMatch(/^[0-9a-f]{6}$/);
    expect(secrets.get(label)!.id).toBe((a.id as Buffer).toString('hex'));
  });
});

describe('every generated key', () => {
  it('has a CKA_ID of its own', () => {
    const ids = [...pairs.values(), ...secrets.values()].map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
