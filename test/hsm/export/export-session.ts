import type { ExportEntry } from '../../../shared/script/kinds/key-export.js';
import type { WrappedExport } from '../../../main/export/destination.js';
import { findExportKey, prepareTransport, readExportInputs, releaseTransport, wrapForDestination, type ExportInputs, type ReadyTransport } from '../../../main/export/export-key.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { SecretKeyInfo } from '../../../main/hsm/key-spec.js';

export interface ExportRun {
  inputs: ExportInputs;
  key: SecretKeyInfo;
  transport: Omit<ReadyTransport, 'object'>;
  wrapped: WrappedExport;
}

/**
 * One export as the key.export step does it, without the people: read and
 * check the inputs, find the key, prepare the transport key, wrap, release.
 */
export async function runExport(session: HsmSession, entry: ExportEntry, folder: string, options: { rehearsal: boolean }): Promise<ExportRun> {
  const inputs = await readExportInputs(entry, (p) => `${folder}/${p}`);
  const key = await findExportKey(session, entry);
  const transport = await prepareTransport(session, inputs, options.rehearsal);
  try {
    const wrapped = await wrapForDestination(session, inputs, key, transport, 'Conclave test; SoftHSM');
    return { inputs, key, transport: { oaepHash: transport.oaepHash, ...(transport.substitution ? { substitution: transport.substitution } : {}) }, wrapped };
  } finally {
    await releaseTransport(session, transport);
  }
}

/** The bytes of the file called `name` in an export. */
export function fileOf(wrapped: WrappedExport, name: string): Uint8Array {
  const file = wrapped.files.find((f) => f.name === name);
  if (!file) throw new Error(`No ${name} among ${wrapped.files.map((f) => f.name).join(', ')}`);
  return file.bytes;
}
