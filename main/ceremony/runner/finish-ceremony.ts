import { X509Certificate } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { verifySeal } from '../../transcript/verify-seal.js';
import { sealTranscript } from '../../transcript/seal-transcript.js';
import { transcriptPrintModel } from '../../transcript/print/transcript-print-model.js';
import { SUMS_FILE } from '../../bundle/bundle-path.js';
import type { RunContext } from './run-context.js';

export const TRANSCRIPT_FILE = 'transcript.jsonl';
export const SEAL_FILE = 'transcript.jsonl.p7s';

/** What the close produced, for the person at the screen. */
export interface FinishedBundle {
  bundleDir: string;
  /** SHA-256 of SHA256SUMS: one value that names the whole bundle. */
  sumsSha256: string;
  files: number;
  printNotice: string | undefined;
}

/**
 * After the transcript's last line: the seal (CMS, signed in the HSM by the
 * audit key), the printed transcript, and SHA256SUMS over everything. Each
 * of these is made over the closed transcript, so none can be recorded in
 * it; verify checks them instead. Safe to run again after a crash: what is
 * there and sound is kept, what is half-made is made again.
 */
export async function finishCeremony(ctx: RunContext): Promise<FinishedBundle> {
  const dir = ctx.bundleDir;
  if (existsSync(join(dir, SUMS_FILE))) await rm(join(dir, SUMS_FILE));
  const transcript = new Uint8Array(await readFile(join(dir, TRANSCRIPT_FILE)));
  const { signer, certificate, chain } = await sealKey(ctx);
  if (!(await soundSeal(dir, transcript, chain))) {
    await rm(join(dir, SEAL_FILE), { force: true });
    const seal = await sealTranscript({ transcript, signer, signerCertificate: certificate, chain, signingTime: ctx.now() });
    await ctx.bundle.writeFile(SEAL_FILE, seal, { record: false });
  }
  for (const name of ['transcript.pdf', 'transcript.html']) await rm(join(dir, name), { force: true });
  const participants = ctx.script.participants.map((p) => ({ name: p.name, role: p.role }));
  const printed = await ctx.printer.transcript(transcriptPrintModel(transcript, { participants, title: ctx.script.title }));
  await ctx.bundle.writeFile(`transcript.${printed.extension}`, printed.bytes, { record: false });
  const sums = await ctx.bundle.writeSums();
  return { bundleDir: dir, sumsSha256: sums.sha256, files: sums.files, printNotice: ctx.printer.notice };
}

async function sealKey(ctx: RunContext): Promise<{ signer: Awaited<ReturnType<NonNullable<RunContext['session']>['signer']>>; certificate: Uint8Array; chain: Uint8Array[] }> {
  const script = ctx.script;
  const session = ctx.requireSession();
  if (script.kind === 'root-key-generation') {
    const audit = script.certificates.find((c) => c.profile === 'audit')!;
    const root = script.certificates.find((c) => c.profile === 'root-ca')!;
    const label = script.keys.find((k) => k.name === audit.key)!.label;
    return { signer: await session.signer(label), certificate: ctx.state.certificates.get(audit.name)!, chain: [ctx.state.certificates.get(root.name)!] };
  }
  return {
    signer: await session.signer(script.seal.key),
    certificate: ctx.state.certificates.get(script.seal.certificate)!,
    chain: [ctx.state.certificates.get(script.seal.root)!],
  };
}

async function soundSeal(dir: string, transcript: Uint8Array, roots: Uint8Array[]): Promise<boolean> {
  if (!existsSync(join(dir, SEAL_FILE))) return false;
  try {
    const result = verifySeal(new Uint8Array(await readFile(join(dir, SEAL_FILE))), transcript, { roots: roots.map((r) => new X509Certificate(r)) });
    return result.ok;
  } catch {
    return false;
  }
}
