import { ATTRIBUTE_OIDS, attributeName, formatName, type NameAttributeType } from '../names.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

/** BR §7.1.4.1: each RelativeDistinguishedName holds exactly one AttributeTypeAndValue. */
export const subjectSingleValuedRdns: CertificateLint = {
  id: 'subject-single-valued-rdns',
  clause: 'BR §7.1.4.1',
  check: (c) =>
    c.subject.rdns.filter((rdn) => rdn.length !== 1).map((rdn) => `The subject has an RDN with ${rdn.length} attributes (${rdn.map((a) => a.name).join(' + ')}); each RDN must hold one.`),
};

/** BR §7.1.4.1 and RFC 5280 §4.1.2.6: countryName PrintableString, DC IA5String, others PrintableString or UTF8String, well-formed. */
export const subjectStringTypes: CertificateLint = {
  id: 'subject-string-types',
  clause: 'BR §7.1.4.1, RFC 5280 §4.1.2.6',
  check: (c) =>
    c.subject.rdns.flat().flatMap((a) => {
      if (!a.wellFormed) return [`The subject's ${a.name} is not a well-formed ${a.stringType}.`];
      const allowed = a.oid === ATTRIBUTE_OIDS.C ? ['PrintableString'] : a.oid === ATTRIBUTE_OIDS.DC ? ['IA5String'] : ['PrintableString', 'UTF8String'];
      return unless(allowed.includes(a.stringType), `The subject's ${a.name} is a ${a.stringType}; it must be ${allowed.join(' or ')}.`);
    }),
};

/** BR §7.1.4.1: a name holds at most one instance of each attribute type (domainComponent excepted). */
export const subjectAttributesUnique: CertificateLint = {
  id: 'subject-attributes-unique',
  clause: 'BR §7.1.4.1',
  check: (c) => {
    const oids = c.subject.rdns.flat().map((a) => a.oid).filter((oid) => oid !== ATTRIBUTE_OIDS.DC);
    return [...new Set(oids.filter((oid, i) => oids.indexOf(oid) !== i))].map((oid) => `The subject has more than one ${attributeName(oid)}.`);
  },
};

/** Upper bounds of RFC 5280 Appendix A (ub-*), in characters; DC is one DNS label (RFC 1035 §2.3.4). */
const MAX_LENGTH: Partial<Record<string, number>> = {
  [ATTRIBUTE_OIDS.C]: 2,
  [ATTRIBUTE_OIDS.ST]: 128,
  [ATTRIBUTE_OIDS.L]: 128,
  [ATTRIBUTE_OIDS.postalCode]: 40,
  [ATTRIBUTE_OIDS.street]: 128,
  [ATTRIBUTE_OIDS.O]: 64,
  [ATTRIBUTE_OIDS.OU]: 64,
  [ATTRIBUTE_OIDS.CN]: 64,
  [ATTRIBUTE_OIDS.serialNumber]: 64,
  [ATTRIBUTE_OIDS.DC]: 63,
};

export const subjectAttributeLengths: CertificateLint = {
  id: 'subject-attribute-lengths',
  clause: 'RFC 5280 Appendix A',
  check: (c) =>
    c.subject.rdns.flat().flatMap((a) => {
      const max = MAX_LENGTH[a.oid];
      const length = [...a.value].length;
      return max !== undefined && length > max ? [`The subject's ${a.name} is ${length} characters; at most ${max} are allowed.`] : [];
    }),
};

/** BR §7.1.4.2: countryName is a two-letter ISO 3166-1 code, upper case. */
export const subjectCountryCode: CertificateLint = {
  id: 'subject-country-code',
  clause: 'BR §7.1.4.2',
  check: (c) =>
    c.subject.rdns
      .flat()
      .filter((a) => a.oid === ATTRIBUTE_OIDS.C && !/^[A-Z]{2}$/.test(a.value))
      .map((a) => `The subject's C is "${a.value}"; it must be a two-letter ISO 3166-1 code in capitals, e.g. "NL".`),
};

/** The attributes a profile requires in the subject. */
export function subjectRequiredAttributes(required: readonly NameAttributeType[], clause: string): CertificateLint {
  return {
    id: 'subject-required-attributes',
    clause,
    check: (c) => {
      const present = new Set(c.subject.rdns.flat().map((a) => a.oid));
      return required.filter((type) => !present.has(ATTRIBUTE_OIDS[type])).map((type) => `The subject has no ${type}; this profile requires ${required.join(', ')}.`);
    },
  };
}

/** Attributes a profile forbids in the subject. */
export function subjectForbiddenAttributes(forbidden: readonly NameAttributeType[], clause: string): CertificateLint {
  return {
    id: 'subject-forbidden-attributes',
    clause,
    check: (c) => {
      const present = new Set(c.subject.rdns.flat().map((a) => a.oid));
      return forbidden.filter((type) => present.has(ATTRIBUTE_OIDS[type])).map((type) => `The subject has ${type}, which this profile forbids.`);
    },
  };
}

/** BR §7.1.4.2: the attributes it lists appear in its relative order. */
const BR_ORDER = ['DC', 'C', 'ST', 'L', 'postalCode', 'street', 'O', 'OU', 'CN'].map((t) => ATTRIBUTE_OIDS[t as NameAttributeType]);

export const subjectAttributeOrder: CertificateLint = {
  id: 'subject-attribute-order',
  clause: 'BR §7.1.4.2',
  check: (c) => {
    const ranks = c.subject.rdns.flat().map((a) => BR_ORDER.indexOf(a.oid)).filter((r) => r >= 0);
    const inOrder = ranks.every((r, i) => i === 0 || ranks[i - 1]! <= r);
    return unless(inOrder, `The subject's attributes (${formatName(c.subject)}) are not in the order BR §7.1.4.2 requires: DC, C, ST, L, postalCode, street, O, OU, CN.`);
  },
};

/** RFC 5280 §4.1.2.4 and §6.1.3 (name chaining): the issuer field is the issuer's subject, byte for byte. */
export const issuerMatchesIssuerSubject: CertificateLint = {
  id: 'issuer-matches-issuer-subject',
  clause: 'RFC 5280 §4.1.2.4, §6.1.3(a)(4)',
  check: (c, ctx) => {
    const expected = ctx.selfSigned ? c.subject.der : ctx.issuer.subject.der;
    return unless(Buffer.from(c.issuer.der).equals(expected), ctx.selfSigned ? 'The issuer is not byte-identical to the subject of this self-signed certificate.' : 'The issuer is not byte-identical to the issuing CA certificate\'s subject.');
  },
};
