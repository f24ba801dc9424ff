import type { ExportEntry } from '../../shared/script/kinds/key-export.js';
import type { SecretKeyInfo } from '../hsm/key-spec.js';
import { sha256Hex } from '../hsm/public-key.js';
import type { ExportFile, WrappedExport } from './destination.js';
import type { TransportKey } from './transport-key.js';

/** Version of export.json (docs/formats.md, "Key export"). */
export const EXPORT_FORMAT = 'conclave-export/1';

/** The instructions file beside the wrapped key. */
export const INSTRUCTIONS_FILE = 'IMPORT.txt';
/** The JSON description of the export. */
export const DESCRIPTION_FILE = 'export.json';

export interface DescriptionInput {
  entry: ExportEntry;
  destination: string;
  key: SecretKeyInfo;
  transport: TransportKey;
  wrapped: WrappedExport;
  rehearsal: boolean;
  /** Why the rehearsal used another OAEP hash than the format's, when it did. */
  substitution?: string;
}

/**
 * Every file of one export, in the order they are written: the destination's
 * files, IMPORT.txt (the follow-up command) and export.json, which names the
 * others with their SHA-256 so the folder can be checked on the connected side.
 */
export function exportFolderFiles(input: DescriptionInput): ExportFile[] {
  const { entry, key, transport, wrapped } = input;
  const description = {
    format: EXPORT_FORMAT,
    name: entry.name,
    ...(input.rehearsal ? { rehearsal: true } : {}),
    destination: { format: entry.format, description: input.destination },
    key: { label: key.label, id: key.id, type: 'AES-256', kcv: key.kcv },
    algorithm: wrapped.algorithm,
    ...(input.substitution ? { substitution: input.substitution } : {}),
    transportKey: { spkiSha256: transport.spkiSha256, bits: transport.bits, form: transport.form, ...(transport.certificate ? { certificate: transport.certificate } : {}) },
    files: wrapped.files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: sha256Hex(f.bytes), what: f.what })),
    command: wrapped.command,
  };
  return [
    ...wrapped.files,
    { name: INSTRUCTIONS_FILE, bytes: new TextEncoder().encode(instructions(input)), what: 'the command to run on the connected side' },
    { name: DESCRIPTION_FILE, bytes: new TextEncoder().encode(`${JSON.stringify(description, null, 2)}\n`), what: 'what this export is, with the SHA-256 of each file' },
  ];
}

function instructions(input: DescriptionInput): string {
  const { entry, key, transport, wrapped } = input;
  const banner = input.rehearsal ? 'REHEARSAL — practice keys on a throwaway token: never import these files anywhere.\n\n' : '';
  return `${banner}Conclave key export "${entry.name}"
Key:            ${key.label} (AES-256, KCV ${key.kcv})
Destination:    ${input.destination}
Algorithm:      ${wrapped.algorithm}
Transport key:  RSA-${transport.bits}, SPKI SHA-256 ${transport.spkiSha256}
${input.substitution ? `Note:           ${input.substitution}\n` : ''}
Files (check with sha256sum before importing):
${wrapped.files.map((f) => `  ${sha256Hex(f.bytes)}  ${f.name}`).join('\n')}

From this folder, on the connected side:

${wrapped.command}

After the import, compare the destination's key check value (or a test
encryption) with the KCV above before putting the key to use.
`;
}
