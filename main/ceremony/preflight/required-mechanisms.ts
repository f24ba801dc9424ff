import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import { keyTypes } from '../../../shared/script/keys.js';

/**
 * The PKCS#11 mechanisms a script needs from its token, checked before
 * anything is created (a ceremony must not stop half-way for a missing one).
 */
export function requiredMechanisms(script: CeremonyScript): string[] {
  const needed = new Set<string>();
  if (script.kind === 'root-key-generation') {
    for (const key of script.keys) {
      const type = keyTypes[key.type];
      if (type.kind === 'ec') needed.add('CKM_EC_KEY_PAIR_GEN').add('CKM_ECDSA');
      if (type.kind === 'rsa') needed.add('CKM_RSA_PKCS_KEY_PAIR_GEN').add('CKM_SHA256_RSA_PKCS');
      if (type.kind === 'aes') needed.add('CKM_AES_KEY_GEN');
    }
    needed.add('CKM_AES_KEY_WRAP_PAD');
  }
  if (script.kind === 'key-recovery' || script.kind === 'custodian-rotation') needed.add('CKM_AES_KEY_WRAP_PAD');
  if (script.kind === 'key-export') needed.add('CKM_RSA_PKCS_OAEP').add('CKM_AES_KEY_WRAP_PAD').add('CKM_AES_KEY_GEN');
  return [...needed].sort();
}
