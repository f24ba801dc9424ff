import type { ExportEntry, ExportFormat } from '../../shared/script/kinds/key-export.js';
import type { HsmSession } from '../hsm/hsm-session.js';
import type { SecretKeyInfo } from '../hsm/key-spec.js';
import type { OaepHash } from '../hsm/rsa-wrap.js';
import type { TransportKeyObject } from '../hsm/transport-public-key.js';
import type { TransportKey } from './transport-key.js';

/** The export entry of one format. */
export type EntryOf<F extends ExportFormat> = Extract<ExportEntry, { format: F }>;

/** What a destination needs to wrap: the open session, the checked inputs, the key's public facts. */
export interface WrapRequest<F extends ExportFormat> {
  session: HsmSession;
  entry: EntryOf<F>;
  key: SecretKeyInfo;
  transport: TransportKey;
  transportObject: TransportKeyObject;
  /** The OAEP hash to ask the HSM for: the format's own (oaepHash), or SHA-1 in a rehearsal on an HSM without SHA-256 OAEP. */
  oaepHash: OaepHash;
  /** The AWS import token's bytes (aws-kms only). */
  importToken?: Uint8Array;
  /** Who made the file, for formats that record it (Azure's "generator"). */
  generator: string;
}

/** One output file, named relative to exports/<name>/. */
export interface ExportFile {
  name: string;
  bytes: Uint8Array;
  /** What it is, in plain words. */
  what: string;
}

/** What a destination made: its files, the algorithm as the destination names it, and the command to run there. */
export interface WrappedExport {
  algorithm: string;
  files: ExportFile[];
  /** The follow-up command, run on the connected side from the folder holding the files. */
  command: string;
}

/** One destination format: its OAEP hash, the checks that need no HSM, and the wrap. */
export interface Destination<F extends ExportFormat> {
  /** Who receives it, in plain words. */
  describe(entry: EntryOf<F>): string;
  /** The RSA-OAEP hash the destination's documentation fixes for this entry. */
  oaepHash(entry: EntryOf<F>): OaepHash;
  /**
   * Checks the inputs against each other before the HSM is asked anything.
   * @throws ExportError
   */
  check(entry: EntryOf<F>, transport: TransportKey): void;
  /** Wraps in the HSM and lays out the destination's files. */
  wrap(request: WrapRequest<F>): Promise<WrappedExport>;
}

export const HASH_LABEL: Record<OaepHash, string> = { 'sha-1': 'SHA-1', 'sha-256': 'SHA-256' };

/** Continues a shell command over several lines, as the providers' documentation shows them. */
export function commandLines(...parts: string[]): string {
  return parts.join(' \\\n    ');
}
