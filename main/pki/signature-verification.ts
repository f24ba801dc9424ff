import { constants, verify, type KeyObject } from 'node:crypto';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import { hashOf, type HashName } from './algorithms.js';
import { publicKeyObject } from './public-key.js';

/** A signature scheme with its parameters, as needed to verify (CSRs may use any salt length). */
export interface SignatureScheme {
  kind: 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss';
  hash: HashName;
  /** RSASSA-PSS only. */
  saltLength?: number;
}

/** The scheme of one of the BR signature algorithms (PSS salt = hash length, BR §7.1.3.2.1). */
export function schemeOf(algorithm: SignatureAlgorithm): SignatureScheme {
  const hash = hashOf(algorithm);
  if (algorithm.startsWith('ecdsa-')) return { kind: 'ecdsa', hash };
  if (algorithm.startsWith('rsa-pss-')) return { kind: 'rsa-pss', hash, saltLength: { sha256: 32, sha384: 48, sha512: 64 }[hash] };
  return { kind: 'rsa-pkcs1', hash };
}

/**
 * Verifies a signature with node:crypto (OpenSSL), independently of whoever
 * made it. ECDSA signatures are DER (as X.509 carries them). The key is the
 * SubjectPublicKeyInfo's DER, or a KeyObject read from it once (an issuer's,
 * kept for a batch).
 * @returns false when the signature does not verify or the key does not fit the scheme.
 */
export function verifySignature(spki: Uint8Array | KeyObject, scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = spki instanceof Uint8Array ? publicKeyObject(spki) : spki;
    if (key === undefined) return false;
    const expectedType = scheme.kind === 'ecdsa' ? 'ec' : 'rsa';
    if (key.asymmetricKeyType !== expectedType) return false;
    if (scheme.kind === 'rsa-pss') {
      return verify(scheme.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength ?? 0 }, signature);
    }
    if (scheme.kind === 'ecdsa') return verify(scheme.hash, data, { key, dsaEncoding: 'der' }, signature);
    return verify(scheme.hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    // A malformed key or signature is simply not a valid signature.
    return false;
  }
}
