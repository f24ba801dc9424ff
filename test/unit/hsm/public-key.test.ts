import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import type { EcCurve } from '../../../main/hsm/key-spec.js';
import { curveOfParams, EC_PARAMS, ecSpki, keyIdentifier, keyTypeOfSpki, rsaSpki, sha256Hex } from '../../../main/hsm/public-key.js';

const NODE_CURVE: Record<EcCurve, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const ecKey = (curve: EcCurve): KeyObject => generateKeyPairSync('ec', { namedCurve: NODE_CURVE[curve] }).publicKey;
const spkiOf = (key: KeyObject): Uint8Array => new Uint8Array(key.export({ type: 'spki', format: 'der' }));
/** The uncompressed point, from node's JWK: what CKA_EC_POINT carries. */
const pointOf = (key: KeyObject): Buffer => {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
};
const octetString = (point: Buffer): Buffer => Buffer.concat([Buffer.from([0x04]), point.length < 0x80 ? Buffer.from([point.length]) : Buffer.from([0x81, point.length]), point]);

describe('the key identifier (CKA_ID, subjectKeyIdentifier): RFC 7093 §2 method 1', () => {
  it.each(['P-256', 'P-384', 'P-521'] as EcCurve[])('of an EC %s key: leftmost 160 bits of SHA-256 of the point', (curve) => {
    const key = ecKey(curve);
    const expected = createHash('sha256').update(pointOf(key)).digest().subarray(0, 20);
    expect(Buffer.from(keyIdentifier(spkiOf(key))).equals(expected)).toBe(true);
  });

  it('of an RSA key: leftmost 160 bits of SHA-256 of the RSAPublicKey DER', () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const rsaPublicKey = key.export({ type: 'pkcs1', format: 'der' });
    expect(Buffer.from(keyIdentifier(spkiOf(key))).equals(createHash('sha256').update(rsaPublicKey).digest().subarray(0, 20))).toBe(true);
  });

  it('is not the hash of the whole SPKI (that would be another method)', () => {
    const spki = spkiOf(ecKey('P-256'));
    expect(Buffer.from(keyIdentifier(spki)).toString('hex')).not.toBe(sha256Hex(spki).slice(0, 40));
  });

  it('refuses bytes that are not an SPKI → KEY_INVALID', () => {
    expect(() => keyIdentifier(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(HsmError);
    expect(() => keyIdentifier(new Uint8Array([0xff, 0x00]))).toThrow(HsmError);
  });
});

describe('an EC SPKI from CKA_EC_POINT', () => {
  it.each(['P-256', 'P-384', 'P-521'] as EcCurve[])('%s: the DER OCTET STRING form PKCS#11 specifies gives the same SPKI as node', (curve) => {
    const key = ecKey(curve);
    expect(Buffer.from(ecSpki(curve, octetString(pointOf(key)))).equals(Buffer.from(spkiOf(key)))).toBe(true);
  });

  it.each(['P-256', 'P-521'] as EcCurve[])('%s: the raw point some modules return is accepted too', (curve) => {
    const key = ecKey(curve);
    expect(Buffer.from(ecSpki(curve, pointOf(key))).equals(Buffer.from(spkiOf(key)))).toBe(true);
  });

  it('a point of another curve\'s size → KEY_INVALID', () => {
    expect(() => ecSpki('P-384', octetString(pointOf(ecKey('P-256'))))).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });

  it('a compressed point → KEY_INVALID', () => {
    const point = pointOf(ecKey('P-256'));
    const compressed = Buffer.concat([Buffer.from([0x02 | (point[64]! & 1)]), point.subarray(1, 33)]);
    expect(() => ecSpki('P-256', octetString(compressed))).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });
});

describe('an RSA SPKI from CKA_MODULUS and CKA_PUBLIC_EXPONENT', () => {
  it('equals node\'s SPKI, even with leading zero bytes in the attributes', () => {
    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const jwk = key.export({ format: 'jwk' });
    const modulus = Buffer.concat([Buffer.from([0]), Buffer.from(jwk.n!, 'base64url')]);
    const exponent = Buffer.from([0, 0, 1, 0, 1]);
    expect(Buffer.from(rsaSpki(modulus, exponent)).equals(Buffer.from(spkiOf(key)))).toBe(true);
  });
});

describe('curves and key types', () => {
  it.each(['P-256', 'P-384', 'P-521'] as EcCurve[])('CKA_EC_PARAMS of %s is its named-curve OID and maps back', (curve) => {
    const oidInSpki = Buffer.from(spkiOf(ecKey(curve))).includes(EC_PARAMS[curve]);
    expect(oidInSpki).toBe(true);
    expect(curveOfParams(EC_PARAMS[curve])).toBe(curve);
  });

  it('another curve (secp256k1) is not one Conclave uses', () => {
    expect(curveOfParams(Buffer.from('06052b8104000a', 'hex'))).toBeUndefined();
    const spki = spkiOf(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey);
    expect(() => keyTypeOfSpki(spki)).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });

  it('reads the key type of an SPKI', () => {
    expect(keyTypeOfSpki(spkiOf(ecKey('P-521')))).toEqual({ kind: 'ec', curve: 'P-521' });
    expect(keyTypeOfSpki(spkiOf(generateKeyPairSync('rsa', { modulusLength: 3072 }).publicKey))).toEqual({ kind: 'rsa', bits: 3072 });
  });

  it('an RSA size Conclave does not use, or an Ed25519 key → KEY_INVALID', () => {
    expect(() => keyTypeOfSpki(spkiOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey))).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
    expect(() => keyTypeOfSpki(spkiOf(generateKeyPairSync('ed25519').publicKey))).toThrow(expect.objectContaining({ code: 'KEY_INVALID' }));
  });

  it('SHA-256 of an SPKI is lower-case hex', () => {
    const spki = spkiOf(ecKey('P-256'));
    expect(sha256Hex(spki)).toBe(createHash('sha256').update(spki).digest('hex'));
  });
});
