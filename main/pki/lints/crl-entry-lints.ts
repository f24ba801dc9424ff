import { readReasonCode, reasonName } from '../extensions/crl-extensions.js';
import { EXTENSION, oidName } from '../extensions/oids.js';
import type { CrlLint } from './crl-lint.js';
import { unless } from './lint.js';

/** RFC 5280 §5.1.2.6: when nothing is revoked, the list is absent rather than empty. */
export const crlEmptyListAbsent: CrlLint = {
  id: 'crl-empty-list-absent',
  clause: 'RFC 5280 §5.1.2.6',
  check: (c) => unless(c.revoked === undefined || c.revoked.length > 0, 'revokedCertificates is present but empty; it must be absent when nothing is revoked.'),
};

/** RFC 5280 §5.1.2.6, §4.1.2.2: each serial positive, at most 20 octets, listed once; revoked no later than thisUpdate. */
export const crlEntries: CrlLint = {
  id: 'crl-entries',
  clause: 'RFC 5280 §4.1.2.2, §5.1.2.6',
  check: (c) => {
    const entries = c.revoked ?? [];
    const serials = entries.map((e) => Buffer.from(e.serialNumber).toString('hex'));
    return entries.flatMap((e, i) => {
      const serial = serials[i]!;
      return [
        ...unless((e.serialNumber[0] ?? 0) < 0x80 && e.serialNumber.some((b) => b !== 0), `Revoked serial ${serial} is not positive.`),
        ...unless(e.serialNumber.length <= 20, `Revoked serial ${serial} is longer than 20 octets.`),
        ...unless(serials.indexOf(serial) === i, `Serial ${serial} is listed more than once.`),
        ...unless(e.revocationDate.date <= c.thisUpdate.date, `Serial ${serial} has a revocation date after thisUpdate.`),
      ];
    });
  },
};

/** Reason codes BR §7.2.2.1 allows in a CA's CRL; unspecified (0) is expressed by omitting reasonCode. */
const ALLOWED_REASONS = [1, 2, 3, 4, 5, 9];

/** RFC 5280 §5.3.1, BR §7.2.2.1: reasonCode only, non-critical, an allowed reason (never 0, certificateHold or removeFromCRL). */
export const crlEntryReasonCodes: CrlLint = {
  id: 'crl-entry-reason-codes',
  clause: 'RFC 5280 §5.3.1, BR §7.2.2.1',
  check: (c) =>
    (c.revoked ?? []).flatMap((e) => {
      const serial = Buffer.from(e.serialNumber).toString('hex');
      return (e.extensions ?? []).flatMap((x) => {
        if (x.oid !== EXTENSION.reasonCode) return [`Serial ${serial} carries the entry extension ${oidName(x.oid)}; only reasonCode is allowed.`];
        const code = readReasonCode(x.value);
        if (code === undefined) return [`Serial ${serial} has a malformed reasonCode.`];
        return [
          ...unless(!x.critical && !x.encodesDefaultCritical, `Serial ${serial}'s reasonCode must be non-critical (and DER omits critical FALSE).`),
          ...unless(ALLOWED_REASONS.includes(code), `Serial ${serial} has reason ${reasonName(code)}, which BR §7.2.2.1 does not allow${code === 0 ? ' (omit reasonCode for an unspecified reason)' : ''}.`),
        ];
      });
    }),
};
