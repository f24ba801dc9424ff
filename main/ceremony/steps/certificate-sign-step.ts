import { readFile } from 'node:fs/promises';
import type { CertificateEntry } from '../../../shared/script/certificates.js';
import { subjectAttributes } from '../../../shared/script/subject.js';
import { parseCsr } from '../../pki/csr.js';
import type { CertificateRequestBase } from '../../pki/issuance-options.js';
import { prepareAuditCertificate } from '../../pki/issue-audit-certificate.js';
import { prepareRootCertificate } from '../../pki/issue-root-certificate.js';
import { prepareCertificateFromCsr } from '../../pki/issue-subordinate-certificate.js';
import { signPreparedCertificate, type PreparedCertificate } from '../../pki/issued-certificate.js';
import type { DistinguishedName } from '../../pki/names.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import type { RunContext } from '../runner/run-context.js';
import { reviewText } from './certificate-review.js';
import { serialNumbers, signingIssuer } from './signing-issuer.js';
import type { StepExecutor } from './step-executor.js';

/**
 * Signs one certificate: prepared from the script (and the CSR), reviewed by
 * the witness field by field, confirmed by the administrator typing the step's
 * word, then linted, signed in the HSM, linted again and verified (main/pki).
 */
export const certificateSignStep: StepExecutor<'certificate.sign'> = async (ctx, step) => {
  const entry = certificateEntries(ctx).find((c) => c.name === step.action.certificate)!;
  if (ctx.state.certificates.has(entry.name)) {
    // Signed and recorded before a crash: never signed again, but if the
    // witness had not yet acknowledged the result, they do it now.
    const issued = ctx.earlier('cert.issued', step.id).find((e) => e.data.name === entry.name);
    const title = signedTitle(entry.name);
    if (issued && !ctx.earlier('witness.acknowledged', step.id).some((e) => e.data.what === title)) {
      await ctx.acknowledge(step, title, signedText(issued.data));
    }
    return;
  }
  const { prepared, csrBytes } = await prepare(ctx, entry);
  await ctx.acknowledge(step, `Certificate ${entry.name} reviewed`, reviewText(prepared));
  if (step.irreversible) await ctx.host.confirm({ step: step.id, title: step.title, detail: step.irreversible.consequence, word: step.irreversible.word });
  const issued = await signPreparedCertificate(prepared);
  const s = issued.summary;
  // The files and the event they are evidence of, in one transcript write.
  await ctx.writeAndRecord(
    step,
    [
      ...(csrBytes ? [{ path: `requests/${entry.name}.csr`, bytes: csrBytes }] : []),
      { path: `certs/${entry.name}.der`, bytes: issued.der },
      { path: `certs/${entry.name}.pem`, bytes: new TextEncoder().encode(issued.pem) },
    ],
    [
      {
        type: 'cert.issued',
        step: step.id,
        actor: ctx.administrator,
        data: {
          name: entry.name,
          profile: entry.profile,
          serial: s.serialNumber,
          subject: s.subject,
          issuer: s.issuer,
          notBefore: s.notBefore,
          notAfter: s.notAfter,
          spkiSha256: s.spkiSha256,
          sha256: issued.sha256,
        },
      },
    ],
  );
  ctx.state.certificates.set(entry.name, issued.der);
  await ctx.acknowledge(step, signedTitle(entry.name), signedText({ sha256: issued.sha256, serial: s.serialNumber, subject: s.subject }));
};

const signedTitle = (name: string) => `Certificate ${name} signed`;

function signedText(issued: { sha256: string; serial: string; subject: string }): string {
  return `SHA-256 fingerprint: ${issued.sha256}. Serial ${issued.serial}. Subject ${issued.subject}.`;
}

async function prepare(ctx: RunContext, entry: CertificateEntry): Promise<{ prepared: PreparedCertificate; csrBytes?: Uint8Array }> {
  const base: CertificateRequestBase = {
    subject: distinguishedName(entry),
    validity: {
      ...(entry.validity.notBefore !== undefined ? { notBefore: new Date(entry.validity.notBefore) } : {}),
      ...(entry.validity.notAfter !== undefined ? { notAfter: new Date(entry.validity.notAfter) } : {}),
      ...(entry.validity.days !== undefined ? { days: entry.validity.days } : {}),
    },
    serialNumbers: serialNumbers(ctx),
    signingTime: ctx.now(),
  };
  const session = ctx.requireSession();
  if (entry.profile === 'root-ca') {
    return { prepared: await prepareRootCertificate({ ...base, signer: await session.signer(keyLabel(ctx, entry.key!)) }) };
  }
  const issuer = await signingIssuer(ctx);
  if (entry.profile === 'audit') {
    const key = ctx.state.keys.get(entry.key!);
    if (!key || !('spki' in key)) throw new CeremonyError('STEP_FAILED', `The audit key "${entry.key}" is not a key pair generated in this ceremony.`);
    return { prepared: await prepareAuditCertificate({ ...base, issuerSigner: issuer.signer, issuerCertificate: issuer.certificate, subjectPublicKey: key.spki }) };
  }
  if (entry.csr === undefined) throw new CeremonyError('STEP_FAILED', `Certificate "${entry.name}" names no CSR: a ${entry.profile} certificate is issued from a certificate signing request.`);
  const csrBytes = new Uint8Array(await readFile(ctx.loaded.resolvePath(entry.csr)));
  const csr = parseCsr(csrBytes);
  const prepared = await prepareCertificateFromCsr({
    ...base,
    profile: entry.profile,
    issuerSigner: issuer.signer,
    issuerCertificate: issuer.certificate,
    csr,
    ...(entry.pathLen !== undefined ? { pathLength: entry.pathLen } : {}),
    ...(entry.policies ? { policies: entry.policies } : {}),
    ...(entry.crlUrls ? { crlDistributionPoints: entry.crlUrls } : {}),
    ...(entry.issuerUrls ? { caIssuers: entry.issuerUrls } : {}),
  });
  return { prepared, csrBytes };
}

function certificateEntries(ctx: RunContext): CertificateEntry[] {
  const script = ctx.script;
  if (script.kind === 'root-key-generation' || script.kind === 'subordinate-signing') return script.certificates;
  throw new Error(`A ${script.kind} ceremony signs no certificate.`);
}

function keyLabel(ctx: RunContext, name: string): string {
  const key = ctx.script.kind === 'root-key-generation' ? ctx.script.keys.find((k) => k.name === name) : undefined;
  if (!key) throw new CeremonyError('STEP_FAILED', `No key named "${name}" in this script.`);
  return key.label;
}

function distinguishedName(entry: CertificateEntry): DistinguishedName {
  return subjectAttributes(entry.subject).map((a) => ({ type: a.type, value: a.value })) as DistinguishedName;
}
