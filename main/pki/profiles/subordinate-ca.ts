import { KEY_PURPOSE } from '../extensions/oids.js';
import { authorityInformationAccess, crlDistributionPoints } from '../lints/distribution-lints.js';
import { issuerPathLength } from '../lints/issuer-lints.js';
import { subjectForbiddenAttributes, subjectRequiredAttributes } from '../lints/name-lints.js';
import { extensionsAllowed } from '../lints/structure-lints.js';
import { basicConstraints, certificatePolicies, extendedKeyUsage, keyUsage } from '../lints/usage-lints.js';
import { validityMaximum, validityWithinIssuer } from '../lints/validity-lints.js';
import { COMMON_CERTIFICATE_LINTS, type CertificateProfile } from './certificate-profile.js';
import { SUBORDINATE_CA_EXTENSIONS } from './tls-subordinate-ca.js';

/**
 * A subordinate CA for a private PKI: the tls-subordinate-ca rules without
 * the TLS-specific ones. extKeyUsage, certificatePolicies, CRL and caIssuers
 * locations are the script's choice (any URI scheme); anyExtendedKeyUsage is
 * still refused. The subject follows the BR's CA naming (C, O and CN, no OU),
 * as the script schema does for every CA, but not the BR attribute order.
 */
export const subordinateCaProfile: CertificateProfile = {
  name: 'subordinate-ca',
  description: 'Subordinate CA certificate for a private PKI, from a CSR',
  maximumValidityDays: 2922,
  lints: [
    ...COMMON_CERTIFICATE_LINTS,
    subjectRequiredAttributes(['C', 'O', 'CN'], 'BR §7.1.2.10.2, applied to every CA'),
    subjectForbiddenAttributes(['OU'], 'BR §7.1.2.10.2, applied to every CA'),
    validityMaximum(2922, 'Conclave: at most 8 years'),
    validityWithinIssuer,
    issuerPathLength,
    basicConstraints({ ca: true, pathLength: 'present' }, 'RFC 5280 §4.2.1.9'),
    keyUsage(['keyCertSign', 'cRLSign'], ['digitalSignature'], 'RFC 5280 §4.2.1.3'),
    extendedKeyUsage({ presence: 'optional', required: [], forbidden: [KEY_PURPOSE.anyExtendedKeyUsage] }, 'RFC 5280 §4.2.1.12'),
    certificatePolicies('optional', 'RFC 5280 §4.2.1.4'),
    crlDistributionPoints({ presence: 'optional', httpOnly: false }, 'RFC 5280 §4.2.1.13'),
    authorityInformationAccess({ presence: 'optional', httpOnly: false }, 'RFC 5280 §4.2.2.1'),
    extensionsAllowed(SUBORDINATE_CA_EXTENSIONS, 'Conclave: subordinate-ca extensions'),
  ],
};
