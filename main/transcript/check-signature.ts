import { verify, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { digestName, signatureScheme, type DigestName } from './signature-algorithms.js';

/** What checking a signature found; "unsupported" names an algorithm we do not accept (SHA-1, unknown OIDs). */
export type SignatureCheck = 'valid' | 'invalid' | { unsupported: string };

/**
 * Checks a signature given by its AlgorithmIdentifier (an X.509 CRL's, or a
 * CMS SignerInfo's with the SignerInfo's digestAlgorithm as `digest`) with
 * node:crypto. ECDSA signatures are DER (RFC 5758 §3.2), as node expects.
 */
export function checkSignature(
  algorithm: pkijs.AlgorithmIdentifier,
  data: Uint8Array,
  signature: Uint8Array,
  publicKey: KeyObject,
  digest?: DigestName,
): SignatureCheck {
  const scheme = signatureScheme(algorithm.algorithmId);
  if (!scheme) return { unsupported: algorithm.algorithmId };
  let hash = scheme.digest ?? digest;
  let pss: { saltLength: number } | undefined;
  if (scheme.kind === 'rsa-pss') {
    const params = parsePssParams(algorithm);
    if (!params) return { unsupported: `${algorithm.algorithmId} with parameters we do not accept` };
    hash = params.hash;
    pss = { saltLength: params.saltLength };
  }
  if (!hash) return { unsupported: `${algorithm.algorithmId} without a hash` };
  try {
    const key = pss ? { key: publicKey, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: pss.saltLength } : publicKey;
    return verify(hash, data, key, signature) ? 'valid' : 'invalid';
  } catch {
    // A key of another type than the algorithm names, or a malformed signature.
    return 'invalid';
  }
}

function parsePssParams(algorithm: pkijs.AlgorithmIdentifier): { hash: DigestName; saltLength: number } | undefined {
  try {
    const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
    const hash = digestName(params.hashAlgorithm.algorithmId);
    // RFC 4055 §3.1: MGF1 with the same hash is the only form we write or accept.
    const mgfHash = new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams }).algorithmId;
    return hash && digestName(mgfHash) === hash ? { hash, saltLength: params.saltLength } : undefined;
  } catch {
    return undefined;
  }
}
