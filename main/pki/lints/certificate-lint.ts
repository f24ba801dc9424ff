import type { CertificateView } from '../certificate-view.js';
import type { Lint } from './lint.js';

/** What a certificate lint may compare against, beyond the certificate itself. */
export interface CertificateLintContext {
  /** When the HSM signs (the ceremony clock the witness confirmed). */
  signingTime: Date;
  /** The issuing CA's certificate; for a self-signed root, the root itself. */
  issuer: CertificateView;
  selfSigned: boolean;
  /** The SubjectPublicKeyInfo being certified, byte for byte (from the HSM or the CSR). */
  subjectSpki: Uint8Array;
  /** How far notBefore may lie from the signing time, in seconds (BR: one day). */
  notBeforeWindowSeconds: number;
  /** Extensions the script allowed to be copied from the CSR, by OID. */
  copiedExtensions: readonly string[];
}

export type CertificateLint = Lint<CertificateView, CertificateLintContext>;
