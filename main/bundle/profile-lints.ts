import type { X509Certificate } from 'node:crypto';
import { readCertificate } from '../pki/certificate-view.js';
import type { CertificateLintContext } from '../pki/lints/certificate-lint.js';
import { runLints } from '../pki/lints/lint.js';
import { CERTIFICATE_PROFILES, type CertificateProfileName } from '../pki/profiles/profiles.js';
import type { TranscriptEvent } from '../transcript/events.js';

/** What linting one certificate found: the profile used (none recorded: not linted) and each failure. */
export interface LintOutcome {
  profile: string | undefined;
  failures: string[];
}

/** Lints one certificate of the bundle; `issuer` is the certificate that signed it (itself for a root). */
export type CertificateLinter = (path: string, cert: X509Certificate, issuer: X509Certificate) => LintOutcome;

/** BR §7.1.2.1.1: notBefore within a day of signing unless the script widened it (then cert.issued records the window). */
const DEFAULT_NOT_BEFORE_WINDOW_SECONDS = 86_400;

/**
 * Runs main/pki's profile lints on the finished certificates, as the PKI ran
 * them after signing. The profile and the issuance facts the lints need come
 * from the certificate's cert.issued event: `profile`, `at` as the signing
 * time, and, when the script set them, `notBeforeWindowSeconds` and
 * `copiedExtensions`. A certificate with no recorded profile is not linted.
 */
export function profileLinter(events: TranscriptEvent[]): CertificateLinter {
  const issued = new Map(events.filter((e) => e.type === 'cert.issued').map((e) => [`certs/${String(e.data.name)}.pem`, e]));
  return (path, cert, issuer) => {
    const event = issued.get(path);
    const profileName = event?.data.profile;
    const profile = typeof profileName === 'string' ? CERTIFICATE_PROFILES[profileName as CertificateProfileName] : undefined;
    if (!event || !profile) return { profile: typeof profileName === 'string' ? profileName : undefined, failures: profileName === undefined ? [] : [`unknown profile ${String(profileName)}`] };
    try {
      const view = readCertificate(new Uint8Array(cert.raw));
      const data = event.data;
      const context: CertificateLintContext = {
        signingTime: new Date(event.at),
        issuer: issuer === cert ? view : readCertificate(new Uint8Array(issuer.raw)),
        selfSigned: issuer === cert,
        subjectSpki: view.spki,
        notBeforeWindowSeconds: typeof data.notBeforeWindowSeconds === 'number' ? data.notBeforeWindowSeconds : DEFAULT_NOT_BEFORE_WINDOW_SECONDS,
        copiedExtensions: Array.isArray(data.copiedExtensions) ? data.copiedExtensions.map(String) : [],
      };
      return { profile: profile.name, failures: runLints(profile.lints, view, context).map((f) => `${f.id} (${f.clause}): ${f.message}`) };
    } catch (error) {
      return { profile: profile.name, failures: [`the certificate cannot be read for linting: ${(error as Error).message}`] };
    }
  };
}
