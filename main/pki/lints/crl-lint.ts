import type { CertificateView } from '../certificate-view.js';
import type { CrlView } from '../crl-view.js';
import type { Lint } from './lint.js';

/** What a CRL lint compares against. */
export interface CrlLintContext {
  signingTime: Date;
  /** The CA certificate whose key signs the CRL. */
  issuer: CertificateView;
}

export type CrlLint = Lint<CrlView, CrlLintContext>;
