import { EXTENSION } from '../extensions/oids.js';
import { basicConstraints, extendedKeyUsage, keyUsage } from '../lints/usage-lints.js';
import { subjectAttributeOrder, subjectForbiddenAttributes, subjectRequiredAttributes } from '../lints/name-lints.js';
import { extensionsAllowed } from '../lints/structure-lints.js';
import { validityMaximum, validityMinimum } from '../lints/validity-lints.js';
import { COMMON_CERTIFICATE_LINTS, type CertificateProfile } from './certificate-profile.js';

/**
 * A self-signed root CA (BR §7.1.2.1): basicConstraints critical cA=TRUE
 * without pathLenConstraint, keyUsage critical keyCertSign + cRLSign
 * (digitalSignature optional), subject and authority key identifiers, no
 * extKeyUsage, validity 2922 to 9132 days (BR §7.1.2.1.1: about 8 to 25 years).
 */
export const rootCaProfile: CertificateProfile = {
  name: 'root-ca',
  description: 'Self-signed root CA certificate (BR §7.1.2.1)',
  maximumValidityDays: 9132,
  lints: [
    ...COMMON_CERTIFICATE_LINTS,
    subjectRequiredAttributes(['C', 'O', 'CN'], 'BR §7.1.2.10.2'),
    subjectForbiddenAttributes(['OU'], 'BR §7.1.2.10.2'),
    subjectAttributeOrder,
    validityMaximum(9132, 'BR §7.1.2.1.1'),
    validityMinimum(2922, 'BR §7.1.2.1.1'),
    basicConstraints({ ca: true, pathLength: 'absent' }, 'BR §7.1.2.1.4, RFC 5280 §4.2.1.9'),
    keyUsage(['keyCertSign', 'cRLSign'], ['digitalSignature'], 'BR §7.1.2.1.2, §7.1.2.10.7'),
    extendedKeyUsage({ presence: 'forbidden', required: [], forbidden: [] }, 'BR §7.1.2.1.2'),
    extensionsAllowed([EXTENSION.subjectKeyIdentifier, EXTENSION.authorityKeyIdentifier, EXTENSION.basicConstraints, EXTENSION.keyUsage], 'BR §7.1.2.1.2'),
  ],
};
