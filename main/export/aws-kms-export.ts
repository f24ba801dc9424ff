import { wrapWithRsaAes, wrapWithRsaOaep, type OaepHash } from '../hsm/rsa-wrap.js';
import { commandLines, type Destination, type EntryOf } from './destination.js';

/**
 * AWS KMS "import key material" (Developer Guide, "Importing key material",
 * step 3 "Encrypt the key material"; API Reference, GetParametersForImport,
 * WrappingAlgorithm):
 * - RSAES_OAEP_SHA_256: the 32 key bytes under the wrapping public key with
 *   RSAES-OAEP, SHA-256, MGF1-SHA-256.
 * - RSA_AES_KEY_WRAP_SHA_256: an ephemeral AES-256 key wraps the key with AES
 *   key wrap with padding (RFC 5649); the ephemeral key is encrypted with
 *   RSAES-OAEP SHA-256; EncryptedKeyMaterial = encrypted AES key ‖ wrapped key.
 * The import token from the same GetParametersForImport call goes beside it.
 */
export const awsKmsDestination: Destination<'aws-kms'> = {
  describe: (entry) => `AWS KMS key ${entry.keyId} (import key material, ${entry.wrappingAlgorithm})`,
  oaepHash: () => 'sha-256',
  check: () => undefined,
  async wrap({ session, entry, transportObject, oaepHash, importToken }) {
    const composite = entry.wrappingAlgorithm === 'RSA_AES_KEY_WRAP_SHA_256';
    let material: Uint8Array;
    if (composite) {
      const { wrappedAesKey, wrappedKey } = await wrapWithRsaAes(session, transportObject, entry.key, oaepHash);
      material = Buffer.concat([wrappedAesKey, wrappedKey]);
    } else {
      material = await wrapWithRsaOaep(session, transportObject, entry.key, oaepHash);
    }
    return {
      algorithm: awsAlgorithm(composite, oaepHash),
      files: [
        { name: 'EncryptedKeyMaterial.bin', bytes: material, what: `the key material of "${entry.key}" encrypted with ${awsAlgorithm(composite, oaepHash)} under the AWS wrapping public key` },
        { name: 'ImportToken.bin', bytes: importToken!, what: 'the import token from the same GetParametersForImport call, as given' },
      ],
      command: awsCommand(entry),
    };
  },
};

/** AWS's name of the wrapping algorithm actually used. */
function awsAlgorithm(composite: boolean, hash: OaepHash): string {
  const h = hash === 'sha-256' ? 'SHA_256' : 'SHA_1';
  return composite ? `RSA_AES_KEY_WRAP_${h}` : `RSAES_OAEP_${h}`;
}

/**
 * The AWS CLI call (AWS CLI Command Reference, kms import-key-material). The
 * key material is set not to expire: an expiring import would make the KMS
 * key unusable on a date nobody in the ceremony room chose.
 */
function awsCommand(entry: EntryOf<'aws-kms'>): string {
  const region = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(entry.keyId)?.[1];
  return commandLines(
    'aws kms import-key-material',
    ...(region ? [`--region ${region}`] : []),
    `--key-id ${entry.keyId}`,
    '--encrypted-key-material fileb://EncryptedKeyMaterial.bin',
    '--import-token fileb://ImportToken.bin',
    '--expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE',
  );
}
