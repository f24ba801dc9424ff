import type { CrlLint } from '../lints/crl-lint.js';
import { crlEmptyListAbsent, crlEntries, crlEntryReasonCodes } from '../lints/crl-entry-lints.js';
import {
  crlAuthorityKeyIdentifier,
  crlExtensionsAllowed,
  crlIssuerCanSignCrls,
  crlIssuerMatchesCaSubject,
  crlNextUpdate,
  crlNumber,
  crlSignatureAlgorithm,
  crlSignatureAlgorithmFieldsMatch,
  crlThisUpdateNearSigning,
  crlTimeTypes,
  crlVersionV2,
} from '../lints/crl-lints.js';

/** The rules of a CA's CRL (RFC 5280 §5, BR §7.2). */
export interface CrlProfile {
  name: 'crl';
  description: string;
  lints: readonly CrlLint[];
}

/**
 * A full CRL signed by a CA key (a root's CRL of its subordinate CAs): v2,
 * issuer byte-identical to the CA's subject, nextUpdate at most 12 months
 * after thisUpdate, cRLNumber and authorityKeyIdentifier, entries with a
 * non-critical reasonCode.
 */
export const crlProfile: CrlProfile = {
  name: 'crl',
  description: "CA certificate revocation list (RFC 5280 §5, BR §7.2.2)",
  lints: [
    crlVersionV2,
    crlSignatureAlgorithm,
    crlSignatureAlgorithmFieldsMatch,
    crlIssuerMatchesCaSubject,
    crlIssuerCanSignCrls,
    crlTimeTypes,
    crlThisUpdateNearSigning,
    crlNextUpdate,
    crlNumber,
    crlAuthorityKeyIdentifier,
    crlExtensionsAllowed,
    crlEmptyListAbsent,
    crlEntries,
    crlEntryReasonCodes,
  ],
};
