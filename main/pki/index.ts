/**
 * The PKI layer's public face: what the ceremony runner, the service and the
 * CLI call. Certificates and CRLs are built here and signed only through a
 * Signer (the HSM in a ceremony); every one is linted before and after signing.
 */
export { chooseSignatureAlgorithm, type SignatureChoice } from './algorithms.js';
export { parseCsr, type ParsedCsr } from './csr.js';
export { issueCrl, prepareCrl, signPreparedCrl, type CrlRequest, type IssuedCrl, type RevocationEntry, type RevocationReason } from './crl.js';
export { summarizeCrl, type CrlSummary } from './crl-summary.js';
export { colonHex, sha256Hex } from './fingerprint.js';
export { issueAuditCertificate, prepareAuditCertificate, type AuditCertificateRequest } from './issue-audit-certificate.js';
export { issueRootCertificate, prepareRootCertificate, type RootCertificateRequest } from './issue-root-certificate.js';
export { issueCertificateFromCsr, prepareCertificateFromCsr, type CertificateFromCsrRequest } from './issue-subordinate-certificate.js';
export { signPreparedCertificate, type IssuedCertificate, type PreparedCertificate } from './issued-certificate.js';
export type { CertificateRequestBase } from './issuance-options.js';
export { keyIdentifier } from './key-identifier.js';
export type { DistinguishedName, NameAttribute, NameAttributeType } from './names.js';
export { pemOrDerToDer, toPem } from './pem.js';
export { LintFailedError, PkiError, type LintFailure, type LintPhase, type PkiErrorCode } from './pki-error.js';
export { CERTIFICATE_PROFILES, type CertificateProfileName } from './profiles/profiles.js';
export { SerialNumberAllocator, type RandomSource } from './serial-numbers.js';
export { summarizeCertificate, type CertificateSummary } from './summary.js';
export type { ValidityRequest } from './validity.js';
