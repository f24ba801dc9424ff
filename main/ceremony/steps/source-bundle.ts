import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import { verifyBundle } from '../../bundle/verify-bundle.js';
import type { BundleReport } from '../../bundle/verify-report.js';
import { parseBackup } from '../../custody/backup-file.js';
import { verifyChain } from '../../transcript/chain-verifier.js';
import type { TranscriptEvent } from '../../transcript/events.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { SourceBundle } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';

export type CertificateRole = 'issuer' | 'seal' | 'root';

/** A certificate of the source bundle this ceremony uses, and why. */
export interface UsedCertificate {
  name: string;
  /** What this ceremony uses it as: the signing CA's certificate, the seal's, the root of the seal's chain (one certificate can be several). */
  roles: CertificateRole[];
  /** DER, as certs/<name>.der of the source bundle holds it. */
  der: Uint8Array;
  /** certs/<name>.pem of the source bundle, byte for byte. */
  pem: Uint8Array;
  sha256: string;
}

/** The source bundle once verified, with what this ceremony takes from it. */
export interface VerifiedSource {
  source: SourceBundle;
  report: BundleReport;
  /** SHA-256 of the source's transcript.jsonl as read here. */
  transcriptSha256: string;
  certificates: UsedCertificate[];
}

/**
 * Verifies the source bundle as `conclave verify` does and reads what this
 * ceremony needs from it: the transcript's events, backup.json, and the
 * certificates it uses (issuer, audit, root), which go into ctx.state. Done
 * again on resume rather than trusted from an earlier run: the folder could
 * have changed meanwhile.
 * @throws CeremonyError SOURCE_INVALID naming every check that failed.
 */
export async function readSourceBundle(ctx: RunContext): Promise<VerifiedSource> {
  const script = ctx.script;
  const dir = ctx.loaded.sourceDir;
  if (script.kind === 'root-key-generation' || dir === undefined) throw new Error('A root ceremony builds on no source bundle.');
  const report = await verifyBundle(dir);
  if (report.verdict !== 'verified') {
    const failed = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped').map((c) => `${c.name}: ${c.detail}`);
    throw new CeremonyError('SOURCE_INVALID', `The source bundle ${dir} does not verify (${report.verdict}). ${failed.join(' ')} Nothing was done: fetch an intact copy of the bundle (another USB copy) and start again.`);
  }
  const transcript = new Uint8Array(await readFile(join(dir, 'transcript.jsonl')));
  const scriptSha256 = createHash('sha256').update(await readFile(join(dir, 'ceremony.yaml'))).digest('hex');
  const events: TranscriptEvent[] = [];
  const chain = verifyChain(transcript, scriptSha256, { onEvent: (e) => events.push(e) });
  if (!chain.ok) throw new CeremonyError('SOURCE_INVALID', `The source bundle's transcript changed while it was read (${chain.problem?.message ?? 'chain broken'}). Nothing was done.`);
  const opened = events[0]!.data;
  // A rehearsal's keys live on a throwaway token and its shares were played by the program: nothing real may build on it.
  if (opened.rehearsal === true && !ctx.room.rehearsal) {
    throw new CeremonyError('SOURCE_INVALID', `The source bundle ${dir} is a REHEARSAL (ceremony ${String(opened.ceremonyId)}): a real ceremony cannot build on it. Give the bundle of the real ceremony.`);
  }
  const backupBytes = await readIfPresent(join(dir, 'backup', 'backup.json'));
  const backup = backupBytes ? parseBackup(backupBytes) : undefined;
  const certificates: UsedCertificate[] = [];
  for (const { name, roles } of usedCertificateNames(script)) {
    const der = new Uint8Array(await readFile(join(dir, 'certs', `${name}.der`)));
    const pem = new Uint8Array(await readFile(join(dir, 'certs', `${name}.pem`)));
    certificates.push({ name, roles, der, pem, sha256: createHash('sha256').update(der).digest('hex') });
    ctx.state.certificates.set(name, der);
  }
  const source: SourceBundle = { dir, events, backup };
  ctx.state.source = source;
  return { source, report, transcriptSha256: createHash('sha256').update(transcript).digest('hex'), certificates };
}

/** The source bundle: as source.verify left it in this run, or verified and read again (after a resume). */
export async function requireSource(ctx: RunContext): Promise<SourceBundle> {
  return ctx.state.source ?? (await readSourceBundle(ctx)).source;
}

/** The certificates of the source bundle a later ceremony uses: the signing CA's (when it signs), the audit certificate and its root. */
export function usedCertificateNames(script: CeremonyScript): { name: string; roles: CertificateRole[] }[] {
  if (script.kind === 'root-key-generation') return [];
  const names: { name: string; roles: CertificateRole[] }[] = [];
  const add = (name: string, role: CertificateRole) => {
    const known = names.find((n) => n.name === name);
    if (known) known.roles.push(role);
    else names.push({ name, roles: [role] });
  };
  if (script.kind === 'subordinate-signing' || script.kind === 'crl-signing') add(script.issuer.certificate, 'issuer');
  add(script.seal.certificate, 'seal');
  add(script.seal.root, 'root');
  return names;
}

async function readIfPresent(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
