import type { X509Certificate } from 'node:crypto';
import { readBundleContents } from './bundle-contents.js';
import { checkBackup } from './check-backup.js';
import { checkCertificates } from './check-certificates.js';
import { checkCrls } from './check-crls.js';
import { checkEventsAgainstFiles } from './check-events-files.js';
import { checkPrintables } from './check-printables.js';
import { checkSums } from './check-sums.js';
import { checkChain, checkSeal } from './check-transcript.js';
import { profileLinter } from './profile-lints.js';
import { verdictOf, type BundleReport } from './verify-report.js';

export interface VerifyBundleOptions {
  /** The root the auditor trusts; the bundle's certs/root.pem when absent. */
  trustedRoot?: X509Certificate;
}

/**
 * Checks an evidence bundle (design/FORMATS.md): SHA256SUMS, the transcript's
 * chain, its seal, every certificate and CRL, backup.json against the
 * transcript, the files the transcript names, and the printed documents;
 * certificates are linted by the profile their cert.issued event records. One
 * result per check; the verdict is "verified" only when every check passed
 * (or did not apply). An unsealed transcript gives "incomplete", not "failed".
 * @throws BundleError BUNDLE_NOT_A_BUNDLE when the folder holds no transcript.
 */
export async function verifyBundle(dir: string, options: VerifyBundleOptions = {}): Promise<BundleReport> {
  const bundle = await readBundleContents(dir, options.trustedRoot);
  const checks = [
    await checkSums(bundle),
    await checkChain(bundle),
    await checkSeal(bundle),
    ...(await checkCertificates(bundle, profileLinter(bundle.events))),
    ...(await checkCrls(bundle)),
    await checkBackup(bundle),
    await checkEventsAgainstFiles(bundle),
    ...(await checkPrintables(bundle)),
  ];
  return { format: 'conclave-verify/1', bundle: dir, verdict: verdictOf(checks), checks };
}
