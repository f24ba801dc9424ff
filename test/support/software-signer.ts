import { createPrivateKey, generateKeyPairSync, sign as nodeSign, createHash, type KeyObject } from 'node:crypto';
import type { KeyPairType, SignatureAlgorithm } from '../../main/hsm/key-spec.js';
import type { Signer } from '../../main/hsm/signer.js';

/**
 * A Signer whose key lives in this process (node:crypto), for unit tests of
 * code that only needs "something that signs". Anything that claims HSM
 * behaviour is tested on SoftHSM instead.
 */
export function softwareSigner(keyType: KeyPairType): Signer & { privateKey: KeyObject } {
  const { privateKey, publicKey } =
    keyType.kind === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' }[keyType.curve] })
      : generateKeyPairSync('rsa', { modulusLength: keyType.bits });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const keyId = createHash('sha256').update(spki).digest('hex').slice(0, 40);
  return {
    keyType,
    spki,
    keyId,
    privateKey: createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    async sign(algorithm: SignatureAlgorithm, message: Uint8Array) {
      const [family, scheme, hash] = algorithm.split('-') as [string, string, string?];
      const digest = family === 'ecdsa' ? scheme : hash!;
      if (family === 'ecdsa') {
        return new Uint8Array(nodeSign(digest, message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      }
      if (scheme === 'pss') {
        const saltLength = { sha256: 32, sha384: 48, sha512: 64 }[digest]!;
        return new Uint8Array(nodeSign(digest, message, { key: privateKey, padding: 6, saltLength }));
      }
      return new Uint8Array(nodeSign(digest, message, privateKey));
    },
  };
}
