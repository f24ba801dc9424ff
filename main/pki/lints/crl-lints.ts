import { algorithmFitsKey, signatureAlgorithmFromIdentifier } from '../algorithms.js';
import { findExtension } from '../certificate-view.js';
import { readCrlNumber } from '../extensions/crl-extensions.js';
import { readAuthorityKeyIdentifier, readSubjectKeyIdentifier } from '../extensions/key-identifiers.js';
import { readKeyUsage } from '../extensions/key-usage.js';
import { EXTENSION, oidName } from '../extensions/oids.js';
import { inspectPublicKey } from '../public-key.js';
import { addMonths, DAY, hasPrescribedTimeType } from '../validity.js';
import type { CrlLint } from './crl-lint.js';
import { unless } from './lint.js';

/** RFC 5280 §5.1.2.1: CRLs with extensions are v2. */
export const crlVersionV2: CrlLint = {
  id: 'crl-version-v2',
  clause: 'RFC 5280 §5.1.2.1',
  check: (c) => unless(c.version === 1, 'The CRL is not v2.'),
};

/** BR §7.1.3.2: a BR signature AlgorithmIdentifier that fits the issuer's key. */
export const crlSignatureAlgorithm: CrlLint = {
  id: 'crl-signature-algorithm',
  clause: 'BR §7.1.3.2',
  check: (c, ctx) => {
    const algorithm = signatureAlgorithmFromIdentifier(c.signature);
    if (!algorithm) return ['The signature AlgorithmIdentifier is not one of the encodings BR §7.1.3.2 allows.'];
    const key = inspectPublicKey(ctx.issuer.spki);
    return unless(!('code' in key) && algorithmFitsKey(algorithm, key), `The signature algorithm ${algorithm} does not fit the issuer's key.`);
  },
};

/** RFC 5280 §5.1.1.2: signatureAlgorithm is identical to the TBS signature field. */
export const crlSignatureAlgorithmFieldsMatch: CrlLint = {
  id: 'crl-signature-algorithm-fields-match',
  clause: 'RFC 5280 §5.1.1.2',
  signedOnly: true,
  check: (c) => unless(c.signed !== undefined && Buffer.from(c.signed.signatureAlgorithm).equals(c.signature), 'The outer signatureAlgorithm differs from the signature field inside the TBS CRL.'),
};

/** RFC 5280 §5.1.2.3, BR §7.2.2: the issuer is the CA certificate's subject, byte for byte. */
export const crlIssuerMatchesCaSubject: CrlLint = {
  id: 'crl-issuer-matches-ca-subject',
  clause: 'RFC 5280 §5.1.2.3, BR §7.2.2',
  check: (c, ctx) => unless(Buffer.from(c.issuer.der).equals(ctx.issuer.subject.der), "The CRL's issuer is not byte-identical to the CA certificate's subject."),
};

/** RFC 5280 §4.2.1.3: the CA certificate allows cRLSign. */
export const crlIssuerCanSignCrls: CrlLint = {
  id: 'crl-issuer-can-sign-crls',
  clause: 'RFC 5280 §4.2.1.3',
  check: (_c, ctx) => {
    const ku = findExtension(ctx.issuer, EXTENSION.keyUsage);
    return unless(ku !== undefined && (readKeyUsage(ku.value) ?? []).includes('cRLSign'), 'The CA certificate lacks keyUsage cRLSign: its key may not sign CRLs.');
  },
};

/** RFC 5280 §5.1.2.4–6: UTCTime through 2049, GeneralizedTime from 2050, in thisUpdate, nextUpdate and revocation dates. */
export const crlTimeTypes: CrlLint = {
  id: 'crl-time-types',
  clause: 'RFC 5280 §5.1.2.4, §5.1.2.5, §5.1.2.6',
  check: (c) =>
    [c.thisUpdate, c.nextUpdate, ...(c.revoked ?? []).map((e) => e.revocationDate)]
      .filter((t) => t !== undefined && !hasPrescribedTimeType(t))
      .map((t) => `${t!.date.toISOString()} is a ${t!.type}; dates before 2050 are UTCTime, from 2050 GeneralizedTime.`),
};

/** BR §7.2.2: thisUpdate is the issue date, within a day of the signing. */
export const crlThisUpdateNearSigning: CrlLint = {
  id: 'crl-this-update-near-signing',
  clause: 'BR §7.2.2',
  check: (c, ctx) => unless(Math.abs(c.thisUpdate.date.getTime() - ctx.signingTime.getTime()) <= DAY, `thisUpdate (${c.thisUpdate.date.toISOString()}) is more than a day from the signing time.`),
};

/** RFC 5280 §5.1.2.5, BR §7.2.2: nextUpdate present, after thisUpdate, at most 12 months later (CRLs of a CA's certificates). */
export const crlNextUpdate: CrlLint = {
  id: 'crl-next-update',
  clause: 'RFC 5280 §5.1.2.5, BR §7.2.2',
  check: (c) => {
    if (!c.nextUpdate) return ['nextUpdate is missing.'];
    if (c.nextUpdate.date <= c.thisUpdate.date) return ['nextUpdate is not after thisUpdate.'];
    return unless(c.nextUpdate.date <= addMonths(c.thisUpdate.date, 12), `nextUpdate (${c.nextUpdate.date.toISOString()}) is more than 12 months after thisUpdate.`);
  },
};

/** RFC 5280 §5.2.3: cRLNumber present, non-critical, non-negative, at most 20 octets. */
export const crlNumber: CrlLint = {
  id: 'crl-number',
  clause: 'RFC 5280 §5.2.3',
  check: (c) => {
    const extension = findExtension(c, EXTENSION.cRLNumber);
    if (!extension) return ['cRLNumber is missing.'];
    const n = readCrlNumber(extension.value);
    if (!n) return ['cRLNumber is malformed.'];
    return [...unless(!extension.critical, 'cRLNumber must not be critical.'), ...unless(n.value >= 0n, 'cRLNumber is negative.'), ...unless(n.octets <= 20, `cRLNumber is ${n.octets} octets; at most 20 are allowed.`)];
  },
};

/** RFC 5280 §5.2.1, BR §7.2.2: authorityKeyIdentifier present, non-critical, keyIdentifier only, equal to the CA's subjectKeyIdentifier. */
export const crlAuthorityKeyIdentifier: CrlLint = {
  id: 'crl-authority-key-identifier',
  clause: 'RFC 5280 §5.2.1, BR §7.2.2',
  check: (c, ctx) => {
    const extension = findExtension(c, EXTENSION.authorityKeyIdentifier);
    if (!extension) return ['authorityKeyIdentifier is missing.'];
    const aki = readAuthorityKeyIdentifier(extension.value);
    const skiExtension = findExtension(ctx.issuer, EXTENSION.subjectKeyIdentifier);
    const ski = skiExtension && readSubjectKeyIdentifier(skiExtension.value);
    if (!aki?.keyIdentifier) return ['authorityKeyIdentifier is malformed or has no keyIdentifier.'];
    return [
      ...unless(!extension.critical, 'authorityKeyIdentifier must not be critical.'),
      ...unless(!aki.hasIssuerAndSerial, 'authorityKeyIdentifier carries an issuer and serial; only keyIdentifier is allowed.'),
      ...unless(ski !== undefined && Buffer.from(aki.keyIdentifier).equals(ski), "authorityKeyIdentifier does not equal the CA certificate's subjectKeyIdentifier."),
    ];
  },
};

/** BR §7.2.2: a full CRL carries authorityKeyIdentifier and cRLNumber, each once, DER-encoded; nothing else. */
export const crlExtensionsAllowed: CrlLint = {
  id: 'crl-extensions-allowed',
  clause: 'BR §7.2.2, RFC 5280 §5.2',
  check: (c) => {
    const list = c.extensions ?? [];
    const allowed: string[] = [EXTENSION.authorityKeyIdentifier, EXTENSION.cRLNumber];
    return [
      ...list.filter((e) => !allowed.includes(e.oid)).map((e) => `The CRL carries ${oidName(e.oid)}, which this profile does not allow.`),
      ...list.filter((e, i) => list.findIndex((o) => o.oid === e.oid) !== i).map((e) => `${oidName(e.oid)} appears more than once.`),
      ...list.filter((e) => e.encodesDefaultCritical).map((e) => `${oidName(e.oid)} encodes critical FALSE, which DER omits.`),
    ];
  },
};
