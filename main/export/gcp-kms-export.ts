import { wrapWithRsaAes } from '../hsm/rsa-wrap.js';
import { commandLines, type Destination, type EntryOf } from './destination.js';
import { ExportError } from './export-error.js';
import type { TransportKey } from './transport-key.js';

/**
 * Google Cloud KMS import job (Cloud KMS docs, "Key wrapping", section "Key
 * wrapping algorithms", RSAES-OAEP with SHA-256 + AES-KWP): a one-time AES-256
 * key is encrypted under the import job's public key with RSAES-OAEP, MGF1 and
 * SHA-256; the target key is wrapped under it with AES-KWP (RFC 5649); the
 * wrapped key file is the encrypted AES key followed by the wrapped target
 * key. The method names the import job's RSA size (3072 or 4096).
 */
export const gcpKmsDestination: Destination<'gcp-kms'> = {
  describe: (entry) => `Google Cloud KMS ${entry.cryptoKey} (import job ${entry.importJob.split('/').at(-1)}, ${entry.method})`,
  oaepHash: () => 'sha-256',
  check(entry, transport) {
    checkJobSize(entry, transport);
    const ring = (name: string) => name.split('/').slice(0, 6).join('/');
    if (ring(entry.importJob) !== ring(entry.cryptoKey)) {
      throw new ExportError('DESTINATION_INVALID', `The import job ${entry.importJob} and the key ${entry.cryptoKey} are in different key rings; Cloud KMS imports through an import job of the target key's own key ring. Correct the script and have it reviewed again.`);
    }
  },
  async wrap({ session, entry, transportObject, oaepHash }) {
    const { wrappedAesKey, wrappedKey } = await wrapWithRsaAes(session, transportObject, entry.key, oaepHash);
    const method = oaepHash === 'sha-256' ? entry.method : entry.method.replace('SHA256', 'SHA1');
    return {
      algorithm: method,
      files: [{ name: 'wrapped-key.bin', bytes: Buffer.concat([wrappedAesKey, wrappedKey]), what: `the AES-256 key "${entry.key}" wrapped for the import job (${method}): RSA-OAEP-wrapped AES key, then the AES-KWP-wrapped key` }],
      command: gcloudCommand(entry),
    };
  },
};

function checkJobSize(entry: EntryOf<'gcp-kms'>, transport: TransportKey): void {
  const expected = entry.method.includes('_4096_') ? 4096 : 3072;
  if (transport.bits !== expected) {
    throw new ExportError('TRANSPORT_KEY_SIZE', `The import job's public key ${entry.transportKey} is RSA-${transport.bits}, but the method ${entry.method} names a ${expected}-bit import job. Download the public key of the right import job, or correct the method.`);
  }
}

/**
 * The gcloud call (Cloud KMS docs, "Importing a key", manually wrapped key:
 * `gcloud kms keys versions import --wrapped-key-file`). The AES-256 key
 * becomes a version of algorithm google-symmetric-encryption.
 */
function gcloudCommand(entry: EntryOf<'gcp-kms'>): string {
  const [, project, , location, , keyRing, , key] = entry.cryptoKey.split('/');
  return commandLines(
    'gcloud kms keys versions import',
    `--project ${project}`,
    `--location ${location}`,
    `--keyring ${keyRing}`,
    `--key ${key}`,
    `--import-job ${entry.importJob.split('/').at(-1)}`,
    '--algorithm google-symmetric-encryption',
    '--wrapped-key-file wrapped-key.bin',
  );
}
