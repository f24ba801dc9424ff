import { X509Certificate, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyChain, type ChainResult } from '../transcript/chain-verifier.js';
import type { TranscriptEvent } from '../transcript/events.js';
import { BundleError } from './bundle-error.js';
import { nodeFileSystem } from './bundle-file-system.js';
import { listBundleFiles } from './bundle-writer.js';

/** The bundle's files as the checks see them, each read once. */
export interface BundleContents {
  dir: string;
  /** Every file, relative, forward slashes. */
  files: Set<string>;
  read(path: string): Promise<Buffer | undefined>;
  sha256(path: string): Promise<string | undefined>;
  /** The chain check of transcript.jsonl (undefined when it or ceremony.yaml is missing). */
  chain: ChainResult | undefined;
  /** The events up to the first bad line. */
  events: TranscriptEvent[];
  sealed: boolean;
  rehearsal: boolean;
  /** certs/*.pem that parse, by path; the others in unreadableCerts with why. */
  certs: Map<string, X509Certificate>;
  unreadableCerts: Map<string, string>;
  /** The roots trusted for every chain: --root, or the bundle's certs/root.pem. */
  roots: X509Certificate[];
  /** Where the trusted roots came from, for the messages. */
  rootSource: string;
}

/**
 * Reads a bundle folder for verification.
 * @throws BundleError BUNDLE_NOT_A_BUNDLE when the folder is missing or holds no transcript.
 */
export async function readBundleContents(dir: string, trustedRoot?: X509Certificate): Promise<BundleContents> {
  let list: string[];
  try {
    list = await listBundleFiles(nodeFileSystem, dir);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('BUNDLE_NOT_A_BUNDLE', `${dir} cannot be read as a bundle (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { path: dir });
  }
  const files = new Set(list);
  if (!files.has('transcript.jsonl')) {
    throw new BundleError('BUNDLE_NOT_A_BUNDLE', `${dir} holds no transcript.jsonl: it is not a Conclave evidence bundle.`, { path: dir });
  }
  const cache = new Map<string, Promise<Buffer | undefined>>();
  const read = (path: string) => {
    if (!files.has(path)) return Promise.resolve(undefined);
    let bytes = cache.get(path);
    if (!bytes) cache.set(path, (bytes = readFile(join(dir, path))));
    return bytes;
  };
  const sha256 = async (path: string) => {
    const bytes = await read(path);
    return bytes && createHash('sha256').update(bytes).digest('hex');
  };

  const script = await read('ceremony.yaml');
  const events: TranscriptEvent[] = [];
  const chain = script && verifyChain((await read('transcript.jsonl'))!, (await sha256('ceremony.yaml'))!, { onEvent: (e) => events.push(e) });

  const certs = new Map<string, X509Certificate>();
  const unreadableCerts = new Map<string, string>();
  for (const path of list.filter((p) => /^certs\/[^/]+\.pem$/.test(p))) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate((await read(path))!);
    } catch (error) {
      unreadableCerts.set(path, (error as Error).message);
      continue;
    }
    // OpenSSL decodes a certificate's key only when it is asked for: a damaged
    // one would throw later, in whichever check reads it first.
    try {
      void cert.publicKey;
      certs.set(path, cert);
    } catch (error) {
      unreadableCerts.set(path, `its public key cannot be read: ${(error as Error).message}`);
    }
  }
  const bundleRoot = certs.get('certs/root.pem');
  const roots = trustedRoot ? [trustedRoot] : bundleRoot ? [bundleRoot] : [];
  return {
    dir,
    files,
    read,
    sha256,
    chain,
    events,
    sealed: files.has('transcript.jsonl.p7s'),
    rehearsal: events[0]?.type === 'ceremony.opened' && events[0].data.rehearsal === true,
    certs,
    unreadableCerts,
    roots,
    rootSource: trustedRoot ? 'the root given with --root' : 'the bundle\'s certs/root.pem',
  };
}
