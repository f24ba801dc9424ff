import type { CertificateLint } from '../lints/certificate-lint.js';
import { signatureAlgorithmEncoding, signatureAlgorithmFieldsMatch, signatureAlgorithmMatchesIssuerKey, subjectPublicKey, subjectPublicKeyMatchesRequest } from '../lints/algorithm-lints.js';
import { issuerIsCa } from '../lints/issuer-lints.js';
import { authorityKeyIdentifier, subjectKeyIdentifier } from '../lints/key-identifier-lints.js';
import { issuerMatchesIssuerSubject, subjectAttributeLengths, subjectAttributesUnique, subjectCountryCode, subjectSingleValuedRdns, subjectStringTypes } from '../lints/name-lints.js';
import { extensionsWellFormed, noUniqueIdentifiers, serialNumber, versionV3 } from '../lints/structure-lints.js';
import { notBeforeNearSigning, validityOrder, validityTimeTypes } from '../lints/validity-lints.js';

export type CertificateProfileName = 'root-ca' | 'tls-subordinate-ca' | 'subordinate-ca' | 'audit';

/** A named, documented set of rules a certificate must meet (docs/profiles.md). */
export interface CertificateProfile {
  name: CertificateProfileName;
  /** What the profile is for, in one line. */
  description: string;
  /** The longest validity the profile allows, in days. */
  maximumValidityDays: number;
  lints: readonly CertificateLint[];
}

/** Rules every certificate profile shares: structure, algorithms, names, validity, key identifiers. */
export const COMMON_CERTIFICATE_LINTS: readonly CertificateLint[] = [
  versionV3,
  serialNumber,
  noUniqueIdentifiers,
  extensionsWellFormed,
  signatureAlgorithmEncoding,
  signatureAlgorithmMatchesIssuerKey,
  signatureAlgorithmFieldsMatch,
  subjectPublicKey,
  subjectPublicKeyMatchesRequest,
  subjectSingleValuedRdns,
  subjectStringTypes,
  subjectAttributesUnique,
  subjectAttributeLengths,
  subjectCountryCode,
  issuerMatchesIssuerSubject,
  issuerIsCa,
  validityTimeTypes,
  validityOrder,
  notBeforeNearSigning,
  subjectKeyIdentifier,
  authorityKeyIdentifier,
];
