import { createHash } from 'node:crypto';
import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import type { KeyPairType, SignatureAlgorithm } from './key-spec.js';

type Digest = 'sha256' | 'sha384' | 'sha512';

/** How the HSM signs for one algorithm: the mechanism, and whether Node hashes first. */
export interface SignaturePlan {
  mechanism: graphene.MechanismType;
  /** CKM name for messages. */
  mechanismName: string;
  /** ECDSA: the HSM signs a digest computed in Node (SoftHSM has only CKM_ECDSA). */
  prehash: Digest | undefined;
}

const PSS: Record<Digest, { hash: graphene.MechanismEnum; mgf: graphene.RsaMgf; salt: number; mech: string }> = {
  sha256: { hash: graphene.MechanismEnum.SHA256, mgf: graphene.RsaMgf.MGF1_SHA256, salt: 32, mech: 'SHA256_RSA_PKCS_PSS' },
  sha384: { hash: graphene.MechanismEnum.SHA384, mgf: graphene.RsaMgf.MGF1_SHA384, salt: 48, mech: 'SHA384_RSA_PKCS_PSS' },
  sha512: { hash: graphene.MechanismEnum.SHA512, mgf: graphene.RsaMgf.MGF1_SHA512, salt: 64, mech: 'SHA512_RSA_PKCS_PSS' },
};

/**
 * The PKCS#11 mechanism for a signature algorithm on a key type.
 * @throws HsmError INVALID_ARGUMENT when the algorithm does not fit the key.
 */
export function signaturePlan(algorithm: SignatureAlgorithm, keyType: KeyPairType): SignaturePlan {
  // The name may come from a script typed by hand: anything else (e.g.
  // "ecdsa-sha1", which would hash with SHA-1 and sign) is refused here.
  if (!/^(ecdsa-sha(256|384|512)|rsa-(pkcs1|pss)-sha(256|384|512))$/.test(algorithm)) {
    throw new HsmError('INVALID_ARGUMENT', `"${String(algorithm).slice(0, 40)}" is not a signature algorithm Conclave offers: ecdsa-sha256/384/512, rsa-pkcs1-sha256/384/512, rsa-pss-sha256/384/512.`);
  }
  const [family, scheme, hashName] = algorithm.split('-') as [string, string, string | undefined];
  if (family === 'ecdsa') {
    if (keyType.kind !== 'ec') throw new HsmError('INVALID_ARGUMENT', `${algorithm} needs an EC key, not ${keyType.kind.toUpperCase()}.`);
    return { mechanism: 'ECDSA', mechanismName: 'CKM_ECDSA', prehash: scheme as Digest };
  }
  if (keyType.kind !== 'rsa') throw new HsmError('INVALID_ARGUMENT', `${algorithm} needs an RSA key, not ${keyType.kind.toUpperCase()}.`);
  const digest = hashName as Digest;
  if (scheme === 'pss') {
    const p = PSS[digest];
    return { mechanism: { name: p.mech, params: new graphene.RsaPssParams(p.hash, p.mgf, p.salt) }, mechanismName: `CKM_${p.mech}`, prehash: undefined };
  }
  const name = `${digest.toUpperCase()}_RSA_PKCS`;
  return { mechanism: name, mechanismName: `CKM_${name}`, prehash: undefined };
}

/** What the HSM is given to sign: the message, or its digest for ECDSA. */
export function signingInput(plan: SignaturePlan, message: Uint8Array): Buffer {
  return plan.prehash ? createHash(plan.prehash).update(message).digest() : Buffer.from(message);
}
