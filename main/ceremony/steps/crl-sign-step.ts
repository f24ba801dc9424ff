import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrlEntry } from '../../../shared/script/crls.js';
import { issueCrl, type RevocationEntry, type RevocationReason } from '../../pki/crl.js';
import { summarizeCrl } from '../../pki/crl-summary.js';
import { toPem } from '../../pki/pem.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import { signingIssuer } from './signing-issuer.js';
import type { StepExecutor } from './step-executor.js';

const DAY = 86_400_000;

/**
 * Signs one CRL: the script's revocations, plus every entry of the CRL it
 * replaces (carried forward, RFC 5280 §5.2.3: the number counts on). The
 * administrator confirms with the step's word; pki lints and verifies it.
 */
export const crlSignStep: StepExecutor<'crl.sign'> = async (ctx, step) => {
  const entry = crlEntries(ctx).find((c) => c.name === step.action.crl)!;
  const issuedBefore = ctx.earlier('crl.issued', step.id).find((e) => e.data.name === entry.name);
  if (issuedBefore) {
    // Signed and recorded before a crash: never signed again, but if the
    // witness had not yet acknowledged the result, they do it now.
    const title = signedTitle(entry.name);
    if (!ctx.earlier('witness.acknowledged', step.id).some((e) => e.data.what === title)) await ctx.acknowledge(step, title, signedText(issuedBefore.data));
    return;
  }
  const issuer = await signingIssuer(ctx);
  const previous = entry.previous !== undefined ? summarizeCrl(await readFile(join(ctx.loaded.sourceDir!, 'crls', `${entry.previous}.crl`))) : undefined;
  const carried: RevocationEntry[] = (previous?.revoked ?? []).map((r) => ({ serialNumber: r.serialNumber, revocationDate: new Date(r.revocationDate), reason: r.reason as RevocationReason }));
  const added: RevocationEntry[] = entry.revoked.map((r) => ({ serialNumber: r.serial, revocationDate: new Date(r.date), reason: r.reason }));
  const duplicate = added.find((a) => carried.some((c) => c.serialNumber === a.serialNumber));
  if (duplicate) throw new CeremonyError('STEP_FAILED', `Serial ${String(duplicate.serialNumber)} is already revoked in crls/${entry.previous}.crl; remove it from the script.`);
  const crlNumber = BigInt(entry.number ?? (previous?.crlNumber !== undefined ? Number(previous.crlNumber) + 1 : 1));
  const thisUpdate = ctx.now();
  const revoked = [...carried, ...added];
  const list = revoked.length ? revoked.map((r) => `${String(r.serialNumber)} (${r.reason}, ${r.revocationDate.toISOString()})`).join('; ') : 'none';
  await ctx.acknowledge(step, `CRL ${entry.name} reviewed`, `Issuer: ${issuer.certificateName}. CRL number ${crlNumber}. Next update in ${entry.nextUpdateDays} days. Revoked: ${list}.`);
  if (step.irreversible) await ctx.host.confirm({ step: step.id, title: step.title, detail: step.irreversible.consequence, word: step.irreversible.word });
  const issued = await issueCrl({ signer: issuer.signer, issuerCertificate: issuer.certificate, revoked, thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + entry.nextUpdateDays * DAY), crlNumber, signingTime: thisUpdate });
  const record = {
    name: entry.name,
    issuer: issued.summary.issuer,
    crlNumber: String(crlNumber),
    thisUpdate: issued.summary.thisUpdate,
    nextUpdate: issued.summary.nextUpdate ?? null,
    revoked: issued.summary.revoked.map((r) => ({ serial: r.serialNumber, reason: r.reason, date: r.revocationDate })),
    sha256: issued.sha256,
  };
  // The files and the event they are evidence of, in one transcript write.
  await ctx.writeAndRecord(
    step,
    [
      { path: `crls/${entry.name}.crl`, bytes: issued.der },
      { path: `crls/${entry.name}.pem`, bytes: new TextEncoder().encode(toPem('X509 CRL', issued.der)) },
    ],
    [{ type: 'crl.issued', step: step.id, actor: ctx.administrator, data: record }],
  );
  await ctx.acknowledge(step, signedTitle(entry.name), signedText(record));
};

function crlEntries(ctx: RunContext): CrlEntry[] {
  const script = ctx.script;
  if (script.kind === 'root-key-generation' || script.kind === 'subordinate-signing' || script.kind === 'crl-signing') return script.crls;
  throw new Error(`A ${script.kind} ceremony signs no CRL.`);
}

const signedTitle = (name: string) => `CRL ${name} signed`;

function signedText(issued: { sha256: string; crlNumber: string }): string {
  return `SHA-256: ${issued.sha256}. CRL number ${issued.crlNumber}.`;
}
