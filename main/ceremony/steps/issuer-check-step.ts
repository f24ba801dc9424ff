import { createHash } from 'node:crypto';
import { CeremonyError } from '../runner/ceremony-error.js';
import { requireSource } from './source-bundle.js';
import type { StepExecutor } from './step-executor.js';
import { keyMatchingCertificate } from './token-key-checks.js';

/**
 * The CA that signs in this ceremony: its key pair on the token must be the
 * key its certificate (taken from the verified source bundle) certifies —
 * equal SubjectPublicKeyInfo — or nothing is signed.
 */
export const issuerCheckStep: StepExecutor<'issuer.check'> = async (ctx, step) => {
  await requireSource(ctx);
  const { key: label, certificate: name } = step.action;
  const certificate = ctx.state.certificates.get(name);
  if (!certificate) throw new CeremonyError('STEP_FAILED', `The issuer certificate "${name}" was not taken from the source bundle.`);
  const key = await keyMatchingCertificate(ctx.requireSession(), label, name, certificate);
  const certificateSha256 = createHash('sha256').update(certificate).digest('hex');
  await ctx.record('issuer.checked', step, 'system', { key: label, id: key.id, spkiSha256: key.spkiSha256, certificate: name, certificateSha256 });
  await ctx.acknowledge(step, 'The issuer key is the certified one', `Key "${label}" (CKA_ID ${key.id}) has the public key of certs/${name}.pem (SPKI SHA-256 ${key.spkiSha256}; certificate SHA-256 ${certificateSha256}).`);
};
