import { EXTENSION, KEY_PURPOSE } from '../extensions/oids.js';
import { authorityInformationAccess, crlDistributionPoints } from '../lints/distribution-lints.js';
import { issuerPathLength } from '../lints/issuer-lints.js';
import { subjectAttributeOrder, subjectForbiddenAttributes, subjectRequiredAttributes } from '../lints/name-lints.js';
import { extensionsAllowed } from '../lints/structure-lints.js';
import { basicConstraints, certificatePolicies, extendedKeyUsage, keyUsage } from '../lints/usage-lints.js';
import { validityMaximum, validityWithinIssuer } from '../lints/validity-lints.js';
import { COMMON_CERTIFICATE_LINTS, type CertificateProfile } from './certificate-profile.js';

/** Extensions a subordinate CA certificate may carry (BR §7.1.2.10; nameConstraints only when copied from the CSR). */
export const SUBORDINATE_CA_EXTENSIONS = [
  EXTENSION.subjectKeyIdentifier,
  EXTENSION.authorityKeyIdentifier,
  EXTENSION.basicConstraints,
  EXTENSION.keyUsage,
  EXTENSION.extKeyUsage,
  EXTENSION.certificatePolicies,
  EXTENSION.cRLDistributionPoints,
  EXTENSION.authorityInfoAccess,
];

/**
 * A TLS subordinate CA (BR §7.1.2.5, §7.1.2.10) certified from a CSR:
 * pathLenConstraint present, extKeyUsage serverAuth (clientAuth optional,
 * the other purposes refused), certificatePolicies, an http CRL URI and an
 * http caIssuers URI; at most 2922 days (about 8 years).
 */
export const tlsSubordinateCaProfile: CertificateProfile = {
  name: 'tls-subordinate-ca',
  description: 'TLS subordinate CA certificate from a CSR (BR §7.1.2.5, §7.1.2.10)',
  maximumValidityDays: 2922,
  lints: [
    ...COMMON_CERTIFICATE_LINTS,
    subjectRequiredAttributes(['C', 'O', 'CN'], 'BR §7.1.2.10.2'),
    subjectForbiddenAttributes(['OU'], 'BR §7.1.2.10.2'),
    subjectAttributeOrder,
    validityMaximum(2922, 'Conclave: at most 8 years'),
    validityWithinIssuer,
    issuerPathLength,
    basicConstraints({ ca: true, pathLength: 'present' }, 'BR §7.1.2.10.4'),
    keyUsage(['keyCertSign', 'cRLSign'], ['digitalSignature'], 'BR §7.1.2.10.7'),
    extendedKeyUsage(
      {
        presence: 'required',
        required: [KEY_PURPOSE.serverAuth],
        allowed: [KEY_PURPOSE.clientAuth],
        forbidden: [KEY_PURPOSE.anyExtendedKeyUsage, KEY_PURPOSE.codeSigning, KEY_PURPOSE.emailProtection, KEY_PURPOSE.timeStamping, KEY_PURPOSE.OCSPSigning, KEY_PURPOSE.precertificateSigning],
      },
      'BR §7.1.2.10.6',
    ),
    certificatePolicies('required', 'BR §7.1.2.10.5'),
    crlDistributionPoints({ presence: 'required', httpOnly: true }, 'BR §7.1.2.11.2'),
    authorityInformationAccess({ presence: 'required', httpOnly: true }, 'BR §7.1.2.10.3'),
    extensionsAllowed(SUBORDINATE_CA_EXTENSIONS, 'BR §7.1.2.10'),
  ],
};
