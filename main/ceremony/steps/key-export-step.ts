import type { ExportEntry } from '../../../shared/script/kinds/key-export.js';
import type { WrappedExport } from '../../export/destination.js';
import { exportFolderFiles } from '../../export/export-description.js';
import { describeDestination, findExportKey, prepareTransport, readExportInputs, releaseTransport, wrapForDestination } from '../../export/export-key.js';
import { appIdentity } from '../preflight/app-identity.js';
import type { RunContext } from '../runner/run-context.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Exports one secret key, wrapped in the HSM for its destination, into
 * exports/<name>/. Everything that can be refused is refused before anything
 * is written: the transport key (RSA ≥ 2048), the AWS import token, the key
 * (extractable, the script's KCV), the HSM's RSA-OAEP. The witness compares
 * the transport key's fingerprint with the one the destination's owner gave;
 * the administrator types the step's word; then the HSM wraps, the files are
 * written, and key.exported records what left and how.
 */
export const keyExportStep: StepExecutor<'key.export'> = async (ctx, step) => {
  if (ctx.earlier('key.exported', step.id).length > 0) return;
  const entry = exportEntry(ctx, step.action.export);
  const inputs = await readExportInputs(entry, (p) => ctx.loaded.resolvePath(p));
  const session = ctx.requireSession();
  const key = await findExportKey(session, entry);
  const destination = describeDestination(entry);
  const transport = await prepareTransport(session, inputs, ctx.room.rehearsal);
  let wrapped: WrappedExport;
  try {
    if (transport.substitution) await ctx.record('deviation.recorded', step, 'system', { description: transport.substitution, recordedBy: 'system' });
    const t = inputs.transport;
    const cert = t.certificate ? ` Certificate: ${t.certificate.subject}, valid until ${t.certificate.notAfter}.` : '';
    await ctx.acknowledge(step, `Transport key for ${entry.name} compared`, `Key "${key.label}", KCV ${key.kcv}, goes to ${destination}. Transport key ${entry.transportKey}: RSA-${t.bits}, SPKI SHA-256 ${t.spkiSha256}.${cert} Compare this fingerprint, aloud, with the one the destination's owner gave separately.`);
    if (step.irreversible) await ctx.host.confirm({ step: step.id, title: step.title, detail: step.irreversible.consequence, word: step.irreversible.word });
    const generator = `Conclave ${appIdentity().version}; ${session.token.manufacturer} ${session.token.model}, firmware ${session.token.firmwareVersion}`;
    wrapped = await wrapForDestination(session, inputs, key, transport, generator);
  } finally {
    await releaseTransport(session, transport);
  }
  const files = exportFolderFiles({ entry, destination, key, transport: inputs.transport, wrapped, rehearsal: ctx.room.rehearsal, ...(transport.substitution ? { substitution: transport.substitution } : {}) });
  const written: { path: string; sha256: string; bytes: number }[] = [];
  for (const file of files) {
    const done = await ctx.bundle.writeFile(`exports/${entry.name}/${file.name}`, file.bytes);
    written.push({ path: done.path, sha256: done.sha256, bytes: done.bytes });
  }
  await ctx.record('key.exported', step, ctx.administrator, {
    name: entry.name,
    label: key.label,
    id: key.id,
    kcv: key.kcv,
    destination,
    format: entry.format,
    algorithm: wrapped.algorithm,
    transportKeySha256: inputs.transport.spkiSha256,
    transportKeyBits: inputs.transport.bits,
    files: written,
  });
  await ctx.acknowledge(step, `${key.label} exported for ${entry.name}`, `${written.length} files in exports/${entry.name}/ (${wrapped.algorithm}). On the connected side, from that folder:\n${wrapped.command}`);
};

function exportEntry(ctx: RunContext, name: string): ExportEntry {
  if (ctx.script.kind !== 'key-export') throw new Error(`key.export in a ${ctx.script.kind} ceremony`);
  return ctx.script.exports.find((e) => e.name === name)!;
}
