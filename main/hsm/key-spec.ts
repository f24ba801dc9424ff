/**
 * What kinds of key the ceremony makes on the HSM, and the facts it records
 * about each. These are plain data: no handle, no secret.
 */

/** Named elliptic curves allowed for CA keys (BR §6.1.5: P-256, P-384, P-521). */
export type EcCurve = 'P-256' | 'P-384' | 'P-521';

/** RSA modulus sizes. 2048 only where a script asks for it explicitly. */
export type RsaBits = 2048 | 3072 | 4096;

export type KeyPairType = { kind: 'ec'; curve: EcCurve } | { kind: 'rsa'; bits: RsaBits };
export type SecretKeyType = { kind: 'aes'; bits: 256 };
export type KeyType = KeyPairType | SecretKeyType;

/** What to generate: a label unique on the token, and whether it may ever be wrapped out. */
export interface KeySpec<T extends KeyType = KeyType> {
  label: string;
  type: T;
  /**
   * Only a key that is backed up or exported may be extractable (and then only
   * under a wrapping key: it stays sensitive, so its value is never readable).
   */
  extractable: boolean;
}

/** A key pair on the token, as the rest of the engine sees it. */
export interface KeyPairInfo {
  label: string;
  /** CKA_ID, hex; equals the certificate's subjectKeyIdentifier (see key-id.ts). */
  id: string;
  type: KeyPairType;
  /** SubjectPublicKeyInfo, DER. */
  spki: Uint8Array;
  /** SHA-256 of the SPKI DER, hex. */
  spkiSha256: string;
  extractable: boolean;
}

/** A secret key on the token. */
export interface SecretKeyInfo {
  label: string;
  id: string;
  type: SecretKeyType;
  /** Key check value: AES-ECB of a zero block, first 3 bytes, hex (kcv.ts). */
  kcv: string;
  extractable: boolean;
}

/** Signature mechanisms the HSM layer offers. ECDSA signs a digest hashed in Node. */
export type SignatureAlgorithm =
  | 'ecdsa-sha256'
  | 'ecdsa-sha384'
  | 'ecdsa-sha512'
  | 'rsa-pkcs1-sha256'
  | 'rsa-pkcs1-sha384'
  | 'rsa-pkcs1-sha512'
  | 'rsa-pss-sha256'
  | 'rsa-pss-sha384'
  | 'rsa-pss-sha512';

export function describeKeyType(type: KeyType): string {
  switch (type.kind) {
    case 'ec':
      return `EC ${type.curve}`;
    case 'rsa':
      return `RSA ${type.bits}`;
    case 'aes':
      return `AES-${type.bits}`;
  }
}
