import { DAY, hasPrescribedTimeType, validitySeconds } from '../validity.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

/** RFC 5280 §4.1.2.5: UTCTime for dates through 2049, GeneralizedTime from 2050. */
export const validityTimeTypes: CertificateLint = {
  id: 'validity-time-types',
  clause: 'RFC 5280 §4.1.2.5',
  check: (c) =>
    (['notBefore', 'notAfter'] as const)
      .filter((field) => !hasPrescribedTimeType(c[field]))
      .map((field) => `${field} (${c[field].date.toISOString()}) is a ${c[field].type}; dates before 2050 are UTCTime, from 2050 GeneralizedTime.`),
};

/** RFC 5280 §4.1.2.5: the period has a positive length. */
export const validityOrder: CertificateLint = {
  id: 'validity-order',
  clause: 'RFC 5280 §4.1.2.5',
  check: (c) => unless(c.notAfter.date > c.notBefore.date, `notAfter (${c.notAfter.date.toISOString()}) is not after notBefore (${c.notBefore.date.toISOString()}).`),
};

/** The profile's longest validity, in days (both ends included, RFC 5280 §4.1.2.5). */
export function validityMaximum(days: number, clause: string): CertificateLint {
  return {
    id: 'validity-maximum',
    clause,
    check: (c) => {
      const seconds = validitySeconds({ notBefore: c.notBefore.date, notAfter: c.notAfter.date });
      return unless(seconds <= days * 86_400, `The validity is ${formatDays(seconds)} days; this profile allows at most ${days} days.`);
    },
  };
}

/** The profile's shortest validity, in days. */
export function validityMinimum(days: number, clause: string): CertificateLint {
  return {
    id: 'validity-minimum',
    clause,
    check: (c) => {
      const seconds = validitySeconds({ notBefore: c.notBefore.date, notAfter: c.notAfter.date });
      return unless(seconds >= days * 86_400, `The validity is ${formatDays(seconds)} days; this profile requires at least ${days} days.`);
    },
  };
}

/** BR §7.1.2.1.1 and §7.1.2.10.1: notBefore within one day of the signing, unless the script widens the window. */
export const notBeforeNearSigning: CertificateLint = {
  id: 'not-before-near-signing',
  clause: 'BR §7.1.2.1.1, §7.1.2.10.1',
  check: (c, ctx) => {
    const offset = (c.notBefore.date.getTime() - ctx.signingTime.getTime()) / 1000;
    const window = ctx.notBeforeWindowSeconds;
    if (offset < -window) return [`notBefore is ${formatDays(-offset)} days before the signing time; at most ${formatDays(window)} allowed unless the script widens the window.`];
    return unless(offset <= DAY / 1000, `notBefore is ${formatDays(offset)} days after the signing time; it may be at most one day ahead.`);
  },
};

/** RFC 5280 §6.1.3(a)(2): a certificate valid when its issuer is not would fail path validation; keep it inside the issuer's period. */
export const validityWithinIssuer: CertificateLint = {
  id: 'validity-within-issuer',
  clause: 'RFC 5280 §6.1.3(a)(2)',
  check: (c, ctx) => [
    ...unless(c.notBefore.date >= ctx.issuer.notBefore.date, `notBefore (${c.notBefore.date.toISOString()}) is before the issuer's notBefore (${ctx.issuer.notBefore.date.toISOString()}).`),
    ...unless(c.notAfter.date <= ctx.issuer.notAfter.date, `notAfter (${c.notAfter.date.toISOString()}) is after the issuer's notAfter (${ctx.issuer.notAfter.date.toISOString()}).`),
  ],
};

function formatDays(seconds: number): string {
  const days = seconds / 86_400;
  return Number.isInteger(days) ? String(days) : days.toFixed(2);
}
