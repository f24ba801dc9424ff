import { EXTENSION, KEY_PURPOSE } from '../extensions/oids.js';
import { subjectRequiredAttributes } from '../lints/name-lints.js';
import { extensionsAllowed } from '../lints/structure-lints.js';
import { basicConstraints, extendedKeyUsage, keyUsage } from '../lints/usage-lints.js';
import { validityMaximum, validityWithinIssuer } from '../lints/validity-lints.js';
import { COMMON_CERTIFICATE_LINTS, type CertificateProfile } from './certificate-profile.js';

/**
 * The certificate of the ceremony's audit key, which seals the transcript
 * (a CMS signature). An infrastructure certificate (BR §6.1.7): keyUsage
 * digitalSignature only, basicConstraints critical cA=FALSE, and extKeyUsage
 * id-kp-documentSigning (RFC 9336) alone, which says what the key is for and
 * keeps it from passing as a TLS, e-mail, code-signing or OCSP key.
 *
 * Validity: at most 3653 days (10 years), inside the root's. Short next to the
 * root's 25 years, yet long enough for its job: the same audit key seals the
 * transcripts of the later ceremonies (script `seal`), and `openssl cms
 * -verify` checks the certificate at the time of verification, so it must
 * outlive the ceremonies it seals and the audits that follow them.
 */
export const auditProfile: CertificateProfile = {
  name: 'audit',
  description: 'Audit key certificate that seals the ceremony transcript (BR §6.1.7 infrastructure)',
  maximumValidityDays: 3653,
  lints: [
    ...COMMON_CERTIFICATE_LINTS,
    subjectRequiredAttributes(['CN'], 'RFC 5280 §4.1.2.6'),
    validityMaximum(3653, 'Conclave: audit key, at most 10 years'),
    validityWithinIssuer,
    basicConstraints({ ca: false, pathLength: 'absent' }, 'RFC 5280 §4.2.1.9'),
    keyUsage(['digitalSignature'], [], 'BR §6.1.7, RFC 5280 §4.2.1.3'),
    extendedKeyUsage({ presence: 'required', required: [KEY_PURPOSE.documentSigning], allowed: [], forbidden: [KEY_PURPOSE.anyExtendedKeyUsage] }, 'RFC 9336 §3.1'),
    extensionsAllowed([EXTENSION.subjectKeyIdentifier, EXTENSION.authorityKeyIdentifier, EXTENSION.basicConstraints, EXTENSION.keyUsage, EXTENSION.extKeyUsage], 'Conclave: audit extensions'),
  ],
};
