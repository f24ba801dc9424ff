import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SignatureAlgorithm } from '../../../main/hsm/key-spec.js';
import {
  chooseSignatureAlgorithm,
  isBrPublicKeyAlgorithmIdentifier,
  publicKeyAlgorithmIdentifier,
  signatureAlgorithmFromIdentifier,
  signatureAlgorithmIdentifier,
} from '../../../main/pki/algorithms.js';
import { PkiError } from '../../../main/pki/pki-error.js';
import { hex } from './helpers/fixtures.js';
import { inScratch, run } from './helpers/openssl.js';

const vectors = JSON.parse(readFileSync(new URL('../../vectors/pki/br-algorithm-identifiers.json', import.meta.url), 'utf8')) as {
  signatureAlgorithmIdentifiers: Record<SignatureAlgorithm, string>;
  publicKeyAlgorithmIdentifiers: Record<'rsa' | 'P-256' | 'P-384' | 'P-521', string>;
};

describe('AlgorithmIdentifiers are the Baseline Requirements byte strings', () => {
  it.each(Object.entries(vectors.signatureAlgorithmIdentifiers))('%s signs with exactly the BR §7.1.3.2 encoding', (algorithm, expected) => {
    expect(hex(signatureAlgorithmIdentifier(algorithm as SignatureAlgorithm))).toBe(expected);
    expect(signatureAlgorithmFromIdentifier(Buffer.from(expected, 'hex'))).toBe(algorithm);
  });

  it.each(Object.entries(vectors.publicKeyAlgorithmIdentifiers))('a %s public key is identified with exactly the BR §7.1.3.1 encoding', (key, expected) => {
    const type = key === 'rsa' ? ({ kind: 'rsa', bits: 3072 } as const) : ({ kind: 'ec', curve: key as 'P-256' } as const);
    expect(hex(publicKeyAlgorithmIdentifier(type))).toBe(expected);
    expect(isBrPublicKeyAlgorithmIdentifier(Buffer.from(expected, 'hex'))).toBe(true);
  });

  it('RSA PKCS#1 without the NULL parameter is not a BR encoding', () => {
    expect(signatureAlgorithmFromIdentifier(Buffer.from('300b06092a864886f70d01010b', 'hex'))).toBeUndefined();
  });

  it('ecdsa-with-SHA1 and sha1WithRSAEncryption are not BR encodings', () => {
    expect(signatureAlgorithmFromIdentifier(Buffer.from('300906072a8648ce3d0401', 'hex'))).toBeUndefined();
    expect(signatureAlgorithmFromIdentifier(Buffer.from('300d06092a864886f70d0101050500', 'hex'))).toBeUndefined();
  });

  it('openssl reads the RSA-PSS parameters as SHA-256, MGF1 with SHA-256, salt 32', () => {
    const text = inScratch((dir) => {
      writeFileSync(join(dir, 'alg.der'), signatureAlgorithmIdentifier('rsa-pss-sha256'));
      return run('openssl', ['asn1parse', '-inform', 'DER', '-in', 'alg.der'], dir).output;
    });
    expect(text).toContain('rsassaPss');
    expect(text).toContain('mgf1');
    expect(text.match(/sha256/g)).toHaveLength(2);
    expect(text).toMatch(/INTEGER\s+:20/);
  });
});

describe('choosing the signature algorithm', () => {
  it.each([
    ['P-256', 'ecdsa-sha256'],
    ['P-384', 'ecdsa-sha384'],
    ['P-521', 'ecdsa-sha512'],
  ] as const)('an EC %s key signs with %s (BR §7.1.3.2.2)', (curve, expected) => {
    expect(chooseSignatureAlgorithm({ kind: 'ec', curve })).toBe(expected);
  });

  it('an EC key refuses a hash that does not match its curve', () => {
    expect(() => chooseSignatureAlgorithm({ kind: 'ec', curve: 'P-384' }, { hash: 'sha256' })).toThrow(expect.objectContaining({ code: 'PKI_HASH_CURVE_MISMATCH' }));
  });

  it('an RSA key signs with PKCS#1 v1.5 and SHA-256 unless the script says otherwise', () => {
    expect(chooseSignatureAlgorithm({ kind: 'rsa', bits: 3072 })).toBe('rsa-pkcs1-sha256');
    expect(chooseSignatureAlgorithm({ kind: 'rsa', bits: 4096 }, { hash: 'SHA-512' })).toBe('rsa-pkcs1-sha512');
    expect(chooseSignatureAlgorithm({ kind: 'rsa', bits: 4096 }, { hash: 'sha384', rsaPadding: 'pss' })).toBe('rsa-pss-sha384');
  });

  it.each(['sha1', 'SHA-1', 'sha_1'])('SHA-1 asked for as "%s" is refused with its own error', (hash) => {
    const attempt = () => chooseSignatureAlgorithm({ kind: 'rsa', bits: 3072 }, { hash });
    expect(attempt).toThrow(PkiError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'PKI_SHA1_REFUSED', message: expect.stringContaining('SHA-1') }));
  });

  it('an unknown hash is refused, naming the ones allowed', () => {
    expect(() => chooseSignatureAlgorithm({ kind: 'rsa', bits: 3072 }, { hash: 'md5' })).toThrow(expect.objectContaining({ code: 'PKI_SIGNATURE_ALGORITHM_UNSUPPORTED', message: expect.stringContaining('sha256, sha384 or sha512') }));
  });

  it('RSA padding on an EC key is refused', () => {
    expect(() => chooseSignatureAlgorithm({ kind: 'ec', curve: 'P-256' }, { rsaPadding: 'pss' })).toThrow(expect.objectContaining({ code: 'PKI_SIGNATURE_ALGORITHM_UNSUPPORTED' }));
  });
});
