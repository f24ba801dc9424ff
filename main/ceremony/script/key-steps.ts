/**
 * Steps that make, restore, destroy or export keys on the token.
 */
import type { KeyEntry } from '../../../shared/script/keys.js';
import { isKeyPairType } from '../../../shared/script/keys.js';
import type { DestroyEntry } from '../../../shared/script/kinds/key-destruction.js';
import type { ExportEntry } from '../../../shared/script/kinds/key-export.js';
import type { PlannedStep } from '../../../shared/script/plan.js';

/** Generate one key of the script's `keys`. */
export function generateKeyStep(key: KeyEntry): PlannedStep {
  const pair = isKeyPairType(key.type);
  const extractable = key.backup || key.exportable;
  const why = [key.backup ? 'backed up' : '', key.exportable ? 'exported later' : ''].filter(Boolean).join(' and ');
  const attributes = extractable
    ? `sensitive, and extractable only under a wrapping key because it is ${why}`
    : 'sensitive and never extractable';
  const shown = pair
    ? 'Conclave shows its CKA_ID and the SHA-256 of its public key'
    : 'Conclave shows its CKA_ID and its key check value (KCV)';
  return {
    id: `generate-key.${key.name}`,
    action: { type: 'generate-key', key: key.name },
    title: `Generate the ${key.name} key (${key.type})`,
    instructions: `The HSM generates the ${pair ? 'key pair' : 'secret key'} labelled "${key.label}" (${key.type}) as a token object, ${attributes}. ${shown}; the administrator reads them aloud and the witness checks them against the screen.`,
    creates: [
      { kind: 'hsm-object', name: key.label, description: `${key.type} ${pair ? 'key pair' : 'secret key'}` },
      ...(pair ? [{ kind: 'file' as const, name: `keys/${key.label}.spki.pem`, description: 'its public key' }] : []),
      { kind: 'record', name: 'key.generated', description: pair ? 'label, CKA_ID, type, SPKI SHA-256' : 'label, CKA_ID, type, KCV' },
    ],
    irreversible: null,
  };
}

/** Unwrap one key from the source backup onto the token, and prove it. */
export function restoreKeyStep(label: string): PlannedStep {
  return {
    id: `restore-key.${label}`,
    action: { type: 'key.restore', label },
    title: `Restore ${label}`,
    instructions: `The HSM unwraps "${label}" from backup/backup.json under the rebuilt KEK onto the token, with the attributes recorded in the backup. Conclave proves it: a key pair signs a test message that verifies under the recorded public key, whose SHA-256 must match; a secret key's KCV must match. A mismatch stops the ceremony.`,
    creates: [
      { kind: 'hsm-object', name: label, description: 'the restored key' },
      { kind: 'record', name: 'key.restored', description: 'label, CKA_ID, SPKI SHA-256 or KCV, and the proof' },
    ],
    irreversible: null,
  };
}

/** Destroy one key on the token. */
export function destroyKeyStep(entry: DestroyEntry): PlannedStep {
  const fingerprint = entry.spkiSha256 ?? entry.kcv;
  const check = fingerprint
    ? ` Conclave first checks that its ${entry.spkiSha256 ? 'SPKI SHA-256' : 'KCV'} is ${fingerprint}; if not, nothing is destroyed.`
    : '';
  const what = entry.class === 'key-pair' ? 'the key pair (private and public key objects)' : 'the secret key';
  return {
    id: `destroy-key.${entry.label}`,
    action: { type: 'key.destroy', label: entry.label },
    title: `Destroy ${entry.label}`,
    instructions: `Conclave finds ${what} labelled "${entry.label}" on the token.${check} The administrator reads the reason aloud — ${entry.reason} — and types the confirmation word; the HSM destroys it.`,
    creates: [{ kind: 'record', name: 'key.destroyed', description: `${entry.label}, with the reason` }],
    irreversible: {
      word: 'DESTROY',
      consequence: `"${entry.label}" is gone from this token for good; only a backup, if one exists, could bring it back.`,
    },
  };
}

const destinations: Record<ExportEntry['format'], string> = {
  hsm: 'another HSM (RSA-OAEP with SHA-256 under its transport key)',
  'aws-kms': 'AWS KMS (import key material)',
  'gcp-kms': 'Google Cloud KMS (import job)',
  'azure-byok': 'Azure Key Vault (BYOK)',
};

/** Wrap one secret key for its destination. */
export function exportKeyStep(entry: ExportEntry): PlannedStep {
  const check = entry.kcv ? ` Its KCV must be ${entry.kcv}.` : ' Its KCV is shown and recorded.';
  return {
    id: `key-export.${entry.name}`,
    action: { type: 'key.export', export: entry.name },
    title: `Export ${entry.key} to ${destinations[entry.format]}`,
    instructions: `Conclave finds the secret key "${entry.key}" on the token; it must have been made exportable.${check} The destination's transport key ${entry.transportKey} is read and its fingerprint shown for the witness to compare with the one the destination's owner gave. The HSM wraps the key; the wrapped key never exists unwrapped outside the HSM.`,
    creates: [
      { kind: 'file', name: `exports/${entry.name}/`, description: 'the wrapped key, its description and the command to run on the connected side' },
      { kind: 'record', name: 'key.exported', description: 'key label, KCV, destination, transport key fingerprint, output file hashes' },
    ],
    irreversible: {
      word: 'EXPORT',
      consequence: `Whoever holds the destination's transport private key can unwrap "${entry.key}" from these files.`,
    },
  };
}
