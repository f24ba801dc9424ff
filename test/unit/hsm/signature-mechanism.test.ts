import { createHash } from 'node:crypto';
import * as graphene from 'graphene-pk11';
import { describe, expect, it } from 'vitest';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import type { KeyPairType, SignatureAlgorithm } from '../../../main/hsm/key-spec.js';
import { signaturePlan, signingInput } from '../../../main/hsm/signature-mechanism.js';

const EC: KeyPairType = { kind: 'ec', curve: 'P-384' };
const RSA: KeyPairType = { kind: 'rsa', bits: 3072 };
const MESSAGE = new TextEncoder().encode('to be signed');

function refusal(algorithm: string, keyType: KeyPairType): HsmError {
  let error: unknown;
  try {
    signaturePlan(algorithm as SignatureAlgorithm, keyType);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HsmError);
  expect((error as HsmError).code).toBe('INVALID_ARGUMENT');
  return error as HsmError;
}

describe('ECDSA', () => {
  it.each(['sha256', 'sha384', 'sha512'] as const)('ecdsa-%s: CKM_ECDSA over a digest hashed in Node (SoftHSM has no CKM_ECDSA_SHA*)', (digest) => {
    const plan = signaturePlan(`ecdsa-${digest}`, EC);
    expect(plan).toMatchObject({ mechanism: 'ECDSA', mechanismName: 'CKM_ECDSA', prehash: digest });
    expect(signingInput(plan, MESSAGE).equals(createHash(digest).update(MESSAGE).digest())).toBe(true);
  });
});

describe('RSA', () => {
  it.each(['sha256', 'sha384', 'sha512'] as const)('rsa-pkcs1-%s: the HSM hashes and pads, given the whole message', (digest) => {
    const plan = signaturePlan(`rsa-pkcs1-${digest}`, RSA);
    const name = `${digest.toUpperCase()}_RSA_PKCS`;
    expect(plan).toMatchObject({ mechanism: name, mechanismName: `CKM_${name}`, prehash: undefined });
    expect(signingInput(plan, MESSAGE).equals(Buffer.from(MESSAGE))).toBe(true);
  });

  it.each([
    ['sha256', graphene.MechanismEnum.SHA256, graphene.RsaMgf.MGF1_SHA256, 32],
    ['sha384', graphene.MechanismEnum.SHA384, graphene.RsaMgf.MGF1_SHA384, 48],
    ['sha512', graphene.MechanismEnum.SHA512, graphene.RsaMgf.MGF1_SHA512, 64],
  ] as const)('rsa-pss-%s: MGF1 with the same hash, salt as long as the digest (RFC 8017 §9.1, what openssl checks with saltlen:digest)', (digest, hash, mgf, salt) => {
    const plan = signaturePlan(`rsa-pss-${digest}`, RSA);
    expect(plan.mechanismName).toBe(`CKM_${digest.toUpperCase()}_RSA_PKCS_PSS`);
    const params = (plan.mechanism as unknown as { params: graphene.RsaPssParams }).params;
    expect({ hash: params.hashAlgorithm, mgf: params.mgf, salt: params.saltLength }).toEqual({ hash, mgf, salt });
    expect(plan.prehash).toBeUndefined();
  });
});

describe('algorithms that do not fit', () => {
  it.each([
    ['rsa-pkcs1-sha256', EC, 'needs an RSA key, not EC'],
    ['rsa-pss-sha512', EC, 'needs an RSA key, not EC'],
    ['ecdsa-sha384', RSA, 'needs an EC key, not RSA'],
  ] as const)('%s on a %o key → INVALID_ARGUMENT', (algorithm, keyType, message) => {
    expect(refusal(algorithm, keyType).message).toContain(message);
  });

  it.each(['ecdsa-sha1', 'ecdsa-md5', 'rsa-pkcs1-sha1', 'rsa-pss-sha224', 'rsa-oaep-sha256', 'ECDSA-SHA256', 'ecdsa', ''])('"%s" is not offered → INVALID_ARGUMENT listing what is', (algorithm) => {
    expect(refusal(algorithm, algorithm.includes('rsa') ? RSA : EC).message).toContain('ecdsa-sha256/384/512, rsa-pkcs1-sha256/384/512, rsa-pss-sha256/384/512');
  });
});
