import { findExtension } from '../certificate-view.js';
import { readAuthorityKeyIdentifier, readSubjectKeyIdentifier } from '../extensions/key-identifiers.js';
import { EXTENSION } from '../extensions/oids.js';
import { keyIdentifier } from '../key-identifier.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

/** RFC 5280 §4.2.1.2, BR §7.1.2.1.2/§7.1.2.10.2: present, non-critical, and the RFC 7093 method 1 identifier of the key (the HSM's CKA_ID). */
export const subjectKeyIdentifier: CertificateLint = {
  id: 'subject-key-identifier',
  clause: 'RFC 5280 §4.2.1.2, RFC 7093 §2',
  check: (c) => {
    const extension = findExtension(c, EXTENSION.subjectKeyIdentifier);
    if (!extension) return ['subjectKeyIdentifier is missing.'];
    if (extension.critical) return ['subjectKeyIdentifier is marked critical; it must not be.'];
    const value = readSubjectKeyIdentifier(extension.value);
    if (!value) return ['subjectKeyIdentifier is malformed or empty.'];
    return unless(Buffer.from(value).equals(keyIdentifier(c.spki)), 'subjectKeyIdentifier is not the key identifier of the certified key (SHA-256 of the key, first 160 bits).');
  },
};

/** RFC 5280 §4.2.1.1, BR §7.1.2.11.1: present, non-critical, keyIdentifier only, equal to the issuer's subjectKeyIdentifier. */
export const authorityKeyIdentifier: CertificateLint = {
  id: 'authority-key-identifier',
  clause: 'RFC 5280 §4.2.1.1, BR §7.1.2.11.1',
  check: (c, ctx) => {
    const extension = findExtension(c, EXTENSION.authorityKeyIdentifier);
    if (!extension) return ['authorityKeyIdentifier is missing.'];
    if (extension.critical) return ['authorityKeyIdentifier is marked critical; it must not be.'];
    const value = readAuthorityKeyIdentifier(extension.value);
    if (!value?.keyIdentifier) return ['authorityKeyIdentifier is malformed or has no keyIdentifier.'];
    const issuerSkiExtension = findExtension(ctx.selfSigned ? c : ctx.issuer, EXTENSION.subjectKeyIdentifier);
    const issuerSki = issuerSkiExtension && readSubjectKeyIdentifier(issuerSkiExtension.value);
    return [
      ...unless(!value.hasIssuerAndSerial, 'authorityKeyIdentifier carries authorityCertIssuer or authorityCertSerialNumber, which BR §7.1.2.11.1 forbids.'),
      ...unless(issuerSki !== undefined && Buffer.from(value.keyIdentifier).equals(issuerSki), "authorityKeyIdentifier does not equal the issuer's subjectKeyIdentifier."),
    ];
  },
};
