import type { KeyPairType, SignatureAlgorithm } from './key-spec.js';

/**
 * A private key that can sign, wherever it lives. The HSM layer gives one for
 * every key pair on the token (the private key never leaves the HSM); the PKI
 * and the transcript seal sign only through this.
 */
export interface Signer {
  /** The key pair's type: it decides which signature algorithms fit. */
  readonly keyType: KeyPairType;
  /** SubjectPublicKeyInfo of the key pair, DER. */
  readonly spki: Uint8Array;
  /** CKA_ID of the key pair, hex (equals its subject key identifier). */
  readonly keyId: string;
  /**
   * Signs `message` (hashing it first, in Node for ECDSA, as the algorithm names).
   * ECDSA signatures come back as PKCS#11 gives them: r || s, each the curve's
   * size (IEEE P1363); X.509 and CMS need them DER-encoded (pki/ecdsa-signature.ts).
   * @throws HsmError when the token refuses.
   */
  sign(algorithm: SignatureAlgorithm, message: Uint8Array): Promise<Uint8Array>;
}
