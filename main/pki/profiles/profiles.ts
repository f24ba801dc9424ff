import { auditProfile } from './audit.js';
import type { CertificateProfile, CertificateProfileName } from './certificate-profile.js';
import { rootCaProfile } from './root-ca.js';
import { subordinateCaProfile } from './subordinate-ca.js';
import { tlsSubordinateCaProfile } from './tls-subordinate-ca.js';

export type { CertificateProfileName } from './certificate-profile.js';

/** Every certificate profile by name (the CRL profile is profiles/crl.ts). */
export const CERTIFICATE_PROFILES: Readonly<Record<CertificateProfileName, CertificateProfile>> = {
  'root-ca': rootCaProfile,
  'tls-subordinate-ca': tlsSubordinateCaProfile,
  'subordinate-ca': subordinateCaProfile,
  audit: auditProfile,
};
