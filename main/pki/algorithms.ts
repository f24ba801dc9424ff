import type { EcCurve, KeyPairType, SignatureAlgorithm } from '../hsm/key-spec.js';
import { PkiError } from './pki-error.js';

/**
 * The exact AlgorithmIdentifier encodings the CA/Browser Forum Baseline
 * Requirements allow, copied byte for byte from BR §7.1.3.1 (public keys) and
 * §7.1.3.2 (signatures). Encoding them ourselves, rather than letting a
 * library choose, is the point: libraries differ on the RSA NULL parameter,
 * and the BR accept only these bytes.
 */

/** BR §7.1.3.2.1 (RSA, PKCS#1 v1.5 with NULL; RSASSA-PSS with MGF1 and salt = hash length) and §7.1.3.2.2 (ECDSA, no parameters). */
const SIGNATURE_ALGORITHM_IDENTIFIERS: Record<SignatureAlgorithm, string> = {
  'rsa-pkcs1-sha256': '300d06092a864886f70d01010b0500',
  'rsa-pkcs1-sha384': '300d06092a864886f70d01010c0500',
  'rsa-pkcs1-sha512': '300d06092a864886f70d01010d0500',
  'rsa-pss-sha256':
    '304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120',
  'rsa-pss-sha384':
    '304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130',
  'rsa-pss-sha512':
    '304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140',
  'ecdsa-sha256': '300a06082a8648ce3d040302',
  'ecdsa-sha384': '300a06082a8648ce3d040303',
  'ecdsa-sha512': '300a06082a8648ce3d040304',
};

/** BR §7.1.3.1.1 (rsaEncryption with NULL) and §7.1.3.1.2 (id-ecPublicKey with a named curve). */
const PUBLIC_KEY_ALGORITHM_IDENTIFIERS = {
  rsa: '300d06092a864886f70d0101010500',
  'P-256': '301306072a8648ce3d020106082a8648ce3d030107',
  'P-384': '301006072a8648ce3d020106052b81040022',
  'P-521': '301006072a8648ce3d020106052b81040023',
} as const;

export type HashName = 'sha256' | 'sha384' | 'sha512';

/** BR §7.1.3.2.2: each curve signs with the hash of matching strength. */
export const CURVE_HASH: Record<EcCurve, HashName> = { 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' };

/** What a script may say about the signature; everything is optional. */
export interface SignatureChoice {
  /** "sha256", "sha384" or "sha512". For EC keys it must match the curve. */
  hash?: string;
  /** RSA only: PKCS#1 v1.5 (default) or RSASSA-PSS. */
  rsaPadding?: 'pkcs1' | 'pss';
}

/** The BR encoding of a signature algorithm's AlgorithmIdentifier. */
export function signatureAlgorithmIdentifier(algorithm: SignatureAlgorithm): Uint8Array {
  return fromHex(SIGNATURE_ALGORITHM_IDENTIFIERS[algorithm]);
}

/** Which signature algorithm these AlgorithmIdentifier bytes are, if they are exactly a BR encoding. */
export function signatureAlgorithmFromIdentifier(der: Uint8Array): SignatureAlgorithm | undefined {
  const hex = Buffer.from(der).toString('hex');
  const entry = Object.entries(SIGNATURE_ALGORITHM_IDENTIFIERS).find(([, value]) => value === hex);
  return entry?.[0] as SignatureAlgorithm | undefined;
}

/** The BR encoding of the AlgorithmIdentifier inside a SubjectPublicKeyInfo for this key type. */
export function publicKeyAlgorithmIdentifier(keyType: KeyPairType): Uint8Array {
  return fromHex(keyType.kind === 'rsa' ? PUBLIC_KEY_ALGORITHM_IDENTIFIERS.rsa : PUBLIC_KEY_ALGORITHM_IDENTIFIERS[keyType.curve]);
}

/** Whether SPKI AlgorithmIdentifier bytes are exactly one of the BR encodings. */
export function isBrPublicKeyAlgorithmIdentifier(der: Uint8Array): boolean {
  const hex = Buffer.from(der).toString('hex');
  return Object.values(PUBLIC_KEY_ALGORITHM_IDENTIFIERS).some((value) => value === hex);
}

/** The hash a signature algorithm uses. */
export function hashOf(algorithm: SignatureAlgorithm): HashName {
  return algorithm.slice(algorithm.lastIndexOf('-') + 1) as HashName;
}

/** Whether a key of this type can make signatures of this algorithm under the BR (curve and hash paired for EC). */
export function algorithmFitsKey(algorithm: SignatureAlgorithm, keyType: { kind: 'rsa' } | { kind: 'ec'; curve: EcCurve }): boolean {
  if (keyType.kind === 'ec') return algorithm === `ecdsa-${CURVE_HASH[keyType.curve]}`;
  return algorithm.startsWith('rsa-');
}

/**
 * Picks the signature algorithm for an issuer key and what the script asked.
 * EC keys sign with the curve's hash (BR §7.1.3.2.2); RSA keys default to
 * PKCS#1 v1.5 with SHA-256.
 * @throws PkiError PKI_SHA1_REFUSED, PKI_SIGNATURE_ALGORITHM_UNSUPPORTED or PKI_HASH_CURVE_MISMATCH.
 */
export function chooseSignatureAlgorithm(keyType: KeyPairType, choice: SignatureChoice = {}): SignatureAlgorithm {
  const hash = choice.hash === undefined ? undefined : normaliseHash(choice.hash);
  if (keyType.kind === 'ec') {
    if (choice.rsaPadding !== undefined) {
      throw new PkiError('PKI_SIGNATURE_ALGORITHM_UNSUPPORTED', `RSA padding "${choice.rsaPadding}" was asked for, but the issuer key is EC ${keyType.curve}.`);
    }
    const expected = CURVE_HASH[keyType.curve];
    if (hash !== undefined && hash !== expected) {
      throw new PkiError('PKI_HASH_CURVE_MISMATCH', `An EC ${keyType.curve} key signs with ${expected.toUpperCase()} (BR §7.1.3.2.2), not ${hash.toUpperCase()}. Remove the hash from the script or set it to ${expected}.`);
    }
    return `ecdsa-${expected}`;
  }
  const padding = choice.rsaPadding ?? 'pkcs1';
  if (padding !== 'pkcs1' && padding !== 'pss') {
    throw new PkiError('PKI_SIGNATURE_ALGORITHM_UNSUPPORTED', `RSA padding "${String(padding)}" is not supported: use "pkcs1" or "pss".`);
  }
  return `rsa-${padding}-${hash ?? 'sha256'}`;
}

function normaliseHash(hash: string): HashName {
  const name = hash.toLowerCase().replace(/[-_]/g, '');
  if (name === 'sha1') {
    throw new PkiError('PKI_SHA1_REFUSED', 'SHA-1 signatures are forbidden (BR §7.1.3.2). Choose sha256, sha384 or sha512.');
  }
  if (name !== 'sha256' && name !== 'sha384' && name !== 'sha512') {
    throw new PkiError('PKI_SIGNATURE_ALGORITHM_UNSUPPORTED', `Hash "${hash}" is not one the Baseline Requirements allow: choose sha256, sha384 or sha512.`);
  }
  return name;
}

function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
