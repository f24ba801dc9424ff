import { wrapWithRsaOaep } from '../hsm/rsa-wrap.js';
import { HASH_LABEL, type Destination } from './destination.js';

/**
 * Another HSM: the key wrapped directly under the destination's transport key
 * with RSAES-OAEP (RFC 8017 §7.1), SHA-256 and MGF1-SHA-256, empty label —
 * PKCS#11 CKM_RSA_PKCS_OAEP with hashAlg CKM_SHA256, mgf CKG_MGF1_SHA256.
 * The destination unwraps it with the same mechanism and parameters.
 */
export const hsmDestination: Destination<'hsm'> = {
  describe: () => 'another HSM (RSA-OAEP with SHA-256 under its transport key)',
  oaepHash: () => 'sha-256',
  check: () => undefined,
  async wrap({ session, entry, key, transportObject, oaepHash }) {
    const wrapped = await wrapWithRsaOaep(session, transportObject, entry.key, oaepHash);
    const h = HASH_LABEL[oaepHash];
    const hashConst = oaepHash === 'sha-256' ? 'CKM_SHA256' : 'CKM_SHA_1';
    const mgfConst = oaepHash === 'sha-256' ? 'CKG_MGF1_SHA256' : 'CKG_MGF1_SHA1';
    return {
      algorithm: `RSAES-OAEP with ${h} and MGF1-${h}, empty label`,
      files: [{ name: 'wrapped-key.bin', bytes: wrapped, what: `the AES-256 key "${entry.key}" wrapped with RSA-OAEP (${h}) under the transport key` }],
      command: [
        'On the destination HSM, unwrap wrapped-key.bin with its transport private key:',
        `  C_UnwrapKey, mechanism CKM_RSA_PKCS_OAEP { hashAlg ${hashConst}, mgf ${mgfConst}, source CKZ_DATA_SPECIFIED, no label },`,
        '  into a secret key of type CKK_AES, 32 bytes (CKA_VALUE_LEN 32), sensitive, with the attributes the destination needs.',
        `Then check the new key's KCV (AES-ECB of a zero block, first 3 bytes): it must be ${key.kcv}.`,
      ].join('\n'),
    };
  },
};
