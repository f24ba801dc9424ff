import { wrapWithRsaAes } from '../hsm/rsa-wrap.js';
import { commandLines, type Destination, type EntryOf } from './destination.js';
import { ExportError } from './export-error.js';

/** The .byok file: Azure Key Vault's "Key Transfer Blob". */
export interface ByokFile {
  schema_version: '1.0.0';
  header: { kid: string; alg: 'dir'; enc: 'CKM_RSA_AES_KEY_WRAP' };
  /** base64url (RFC 4648 §5, no padding) of RSA-OAEP(ephemeral AES key) ‖ AES-KWP(target key). */
  ciphertext: string;
  generator: string;
}

/**
 * Azure Key Vault / Managed HSM bring-your-own-key (Azure Key Vault docs,
 * "Bring your own key specification", section "Key Transfer Blob"): the
 * target key (for an octet key, its raw bytes) goes through
 * CKM_RSA_AES_KEY_WRAP — an ephemeral AES key encrypted under the key exchange
 * key with RSA-OAEP with SHA-1 (as the specification fixes it; MGF1-SHA-1),
 * the target key wrapped under it with AES key wrap with padding, the two
 * concatenated — and is delivered in a JSON file with the KEK's id.
 * The specification's terminology table allows AES target keys in Managed HSM only.
 */
export const azureByokDestination: Destination<'azure-byok'> = {
  describe: (entry) => `Azure Managed HSM ${hsmName(entry)} (BYOK, key "${entry.keyName}")`,
  oaepHash: () => 'sha-1',
  check(entry) {
    hsmName(entry);
  },
  async wrap({ session, entry, transportObject, oaepHash, generator }) {
    const { wrappedAesKey, wrappedKey } = await wrapWithRsaAes(session, transportObject, entry.key, oaepHash);
    const byok: ByokFile = {
      schema_version: '1.0.0',
      header: { kid: entry.kid, alg: 'dir', enc: 'CKM_RSA_AES_KEY_WRAP' },
      ciphertext: Buffer.concat([wrappedAesKey, wrappedKey]).toString('base64url'),
      generator,
    };
    return {
      algorithm: 'CKM_RSA_AES_KEY_WRAP (RSA-OAEP with SHA-1 and MGF1-SHA-1, then AES key wrap with padding)',
      files: [{ name: `${entry.keyName}.byok`, bytes: new TextEncoder().encode(`${JSON.stringify(byok, null, 2)}\n`), what: `the key transfer blob of "${entry.key}" for the key exchange key ${entry.kid}` }],
      command: commandLines('az keyvault key import', `--hsm-name ${hsmName(entry)}`, `--name ${entry.keyName}`, `--byok-file ${entry.keyName}.byok`, '--kty oct-HSM'),
    };
  },
};

/**
 * The Managed HSM's name from the KEK's id (https://<name>.managedhsm.azure.net/keys/…).
 * @throws ExportError DESTINATION_INVALID for a Key Vault (vault.azure.net): it does not take AES keys by BYOK.
 */
function hsmName(entry: EntryOf<'azure-byok'>): string {
  const host = new URL(entry.kid).hostname;
  const match = /^([a-z0-9-]+)\.managedhsm\./i.exec(host);
  if (!match) {
    throw new ExportError('DESTINATION_INVALID', `The key exchange key ${entry.kid} is in ${host}, not in a Managed HSM: Azure imports AES keys by BYOK only into Managed HSM (<name>.managedhsm.azure.net). Create the key exchange key in the Managed HSM and correct the script.`);
  }
  return match[1]!;
}
