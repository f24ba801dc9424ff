import { readFile } from 'node:fs/promises';
import type { ExportEntry, ExportFormat } from '../../shared/script/kinds/key-export.js';
import { HsmError } from '../hsm/hsm-error.js';
import type { HsmSession } from '../hsm/hsm-session.js';
import type { SecretKeyInfo } from '../hsm/key-spec.js';
import { checkRsaOaep, type OaepHash } from '../hsm/rsa-wrap.js';
import { destroyTransportKey, importTransportKey, type TransportKeyObject } from '../hsm/transport-public-key.js';
import { checkAwsImportToken } from './aws-import-token.js';
import { awsKmsDestination } from './aws-kms-export.js';
import { azureByokDestination } from './azure-byok-export.js';
import type { Destination, WrappedExport } from './destination.js';
import { ExportError } from './export-error.js';
import { gcpKmsDestination } from './gcp-kms-export.js';
import { hsmDestination } from './hsm-export.js';
import { readTransportKey, type TransportKey } from './transport-key.js';

/** Every destination format, by the script's `format`. */
export const destinations: { [F in ExportFormat]: Destination<F> } = {
  hsm: hsmDestination,
  'aws-kms': awsKmsDestination,
  'gcp-kms': gcpKmsDestination,
  'azure-byok': azureByokDestination,
};

function destinationOf(entry: ExportEntry): Destination<ExportFormat> {
  return destinations[entry.format] as unknown as Destination<ExportFormat>;
}

/** An export's inputs, read from the files the script names and checked. */
export interface ExportInputs {
  entry: ExportEntry;
  transport: TransportKey;
  importToken?: Uint8Array;
}

/**
 * Reads and checks the files an export names — the transport key, and for
 * AWS the import token — and checks them against the destination, without
 * touching the HSM or the bundle.
 * @throws ExportError for a bad transport key, import token or destination.
 */
export async function readExportInputs(entry: ExportEntry, resolvePath: (path: string) => string): Promise<ExportInputs> {
  const transport = readTransportKey(new Uint8Array(await readFile(resolvePath(entry.transportKey))), entry.transportKey);
  destinationOf(entry).check(entry, transport);
  if (entry.format !== 'aws-kms') return { entry, transport };
  const importToken = new Uint8Array(await readFile(resolvePath(entry.importToken)));
  checkAwsImportToken(importToken, entry.importToken);
  return { entry, transport, importToken };
}

/**
 * The key to export as the token holds it: an AES-256 secret key, extractable,
 * with the KCV the script names (when it names one).
 * @throws HsmError KEY_NOT_FOUND, KEY_UNEXTRACTABLE; ExportError KEY_MISMATCH.
 */
export async function findExportKey(session: HsmSession, entry: ExportEntry): Promise<SecretKeyInfo> {
  const key = await session.findSecretKey(entry.key);
  if (!key) throw new HsmError('KEY_NOT_FOUND', `No secret key labelled "${entry.key}" on token "${session.token.label}": only secret keys are exported. Run \`conclave hsm keys --token "${session.token.label}"\` to see what is there.`);
  if (entry.kcv !== undefined && key.kcv !== entry.kcv.toLowerCase()) {
    throw new ExportError('KEY_MISMATCH', `Key "${entry.key}" on token "${session.token.label}" has KCV ${key.kcv}, but the script says ${entry.kcv.toLowerCase()}: it is not the key the script means. Nothing was exported.`);
  }
  if (!key.extractable) {
    throw new HsmError('KEY_UNEXTRACTABLE', `Key "${entry.key}" (KCV ${key.kcv}) was not made extractable when it was generated, so the HSM will not wrap it for anyone: it cannot be exported. Only a key generated with exportable: true in its script can be. Nothing was written.`);
  }
  return key;
}

/** The transport key on the token, with the OAEP hash the HSM will do for this export. */
export interface ReadyTransport {
  object: TransportKeyObject;
  oaepHash: OaepHash;
  /** Set when the format's hash was replaced (a rehearsal on SoftHSM): why, for the transcript. */
  substitution?: string;
}

/**
 * Imports the transport key into the session and checks that the HSM does
 * RSA-OAEP with the hash the destination fixes. Only when `rehearsal` is set
 * may an HSM without SHA-256 OAEP (SoftHSM 2.6) fall back to SHA-1, and the
 * caller records that; a real ceremony stops here, before anything is written.
 * @throws HsmError MECHANISM_UNSUPPORTED, KEY_INVALID.
 */
export async function prepareTransport(session: HsmSession, inputs: ExportInputs, rehearsal: boolean): Promise<ReadyTransport> {
  const object = await importTransportKey(session, inputs.transport.spki);
  const wanted = destinationOf(inputs.entry).oaepHash(inputs.entry);
  try {
    await checkRsaOaep(session, object, wanted);
    return { object, oaepHash: wanted };
  } catch (error) {
    if (rehearsal && wanted === 'sha-256' && error instanceof HsmError && error.code === 'MECHANISM_UNSUPPORTED') {
      try {
        await checkRsaOaep(session, object, 'sha-1');
        return { object, oaepHash: 'sha-1', substitution: `The practice HSM (${session.token.manufacturer} ${session.token.model}) does not do RSA-OAEP with SHA-256, so this rehearsal wraps with SHA-1 instead. The real HSM must do SHA-256: a real ceremony on an HSM without it stops at this step with nothing written.` };
      } catch (fallbackError) {
        await destroyTransportKey(session, object);
        throw fallbackError;
      }
    }
    await destroyTransportKey(session, object);
    throw error;
  }
}

/**
 * Wraps the key for its destination in the HSM and lays out the destination's files.
 * @throws HsmError from the HSM.
 */
export async function wrapForDestination(session: HsmSession, inputs: ExportInputs, key: SecretKeyInfo, transport: ReadyTransport, generator: string): Promise<WrappedExport> {
  return destinationOf(inputs.entry).wrap({
    session,
    entry: inputs.entry,
    key,
    transport: inputs.transport,
    transportObject: transport.object,
    oaepHash: transport.oaepHash,
    ...(inputs.importToken ? { importToken: inputs.importToken } : {}),
    generator,
  });
}

/** Removes the transport key from the session once the export is done or stopped. */
export async function releaseTransport(session: HsmSession, transport: ReadyTransport): Promise<void> {
  await destroyTransportKey(session, transport.object);
}

/** Who receives the export, in plain words. */
export function describeDestination(entry: ExportEntry): string {
  return destinationOf(entry).describe(entry);
}
