import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';
import { oidName } from '../extensions/oids.js';
import { SERIAL_NUMBER_LENGTH } from '../serial-numbers.js';

/** RFC 5280 §4.1.2.1: extensions require v3. */
export const versionV3: CertificateLint = {
  id: 'version-v3',
  clause: 'RFC 5280 §4.1.2.1',
  check: (c) => unless(c.version === 2, `The certificate is version ${c.version + 1}; it must be v3.`),
};

/** RFC 5280 §4.1.2.2 (positive, at most 20 octets) and BR §7.1 (at least 64 random bits; Conclave draws 126). */
export const serialNumber: CertificateLint = {
  id: 'serial-number',
  clause: 'RFC 5280 §4.1.2.2, BR §7.1',
  check: (c) => {
    const s = c.serialNumber;
    if ((s[0] ?? 0) >= 0x80) return ['The serial number is negative; it must be positive.'];
    if (s.every((b) => b === 0)) return ['The serial number is zero; it must be positive.'];
    if (s.length > 20) return [`The serial number is ${s.length} octets; at most 20 are allowed.`];
    return unless(s.length === SERIAL_NUMBER_LENGTH, `The serial number is ${s.length} octets; Conclave's serials are ${SERIAL_NUMBER_LENGTH} octets from the HSM's random generator.`);
  },
};

/** RFC 5280 §4.1.2.8: conforming CAs must not generate unique identifiers. */
export const noUniqueIdentifiers: CertificateLint = {
  id: 'no-unique-identifiers',
  clause: 'RFC 5280 §4.1.2.8',
  check: (c) => unless(!c.hasUniqueIdentifiers, 'The certificate carries issuerUniqueID or subjectUniqueID, which CAs must not generate.'),
};

/** RFC 5280 §4.2: at most one instance of each extension; X.690 §11.5: DER omits critical FALSE. */
export const extensionsWellFormed: CertificateLint = {
  id: 'extensions-well-formed',
  clause: 'RFC 5280 §4.2, X.690 §11.5',
  check: (c) => {
    const list = c.extensions ?? [];
    const messages: string[] = [];
    const seen = new Set<string>();
    for (const e of list) {
      if (seen.has(e.oid)) messages.push(`The ${oidName(e.oid)} extension appears more than once.`);
      seen.add(e.oid);
      if (e.encodesDefaultCritical) messages.push(`The ${oidName(e.oid)} extension encodes critical FALSE, which DER omits.`);
    }
    return messages;
  },
};

/** The profile's list of extensions: anything else (unless the script copied it from the CSR) is refused. */
export function extensionsAllowed(allowed: readonly string[], clause: string): CertificateLint {
  return {
    id: 'extensions-allowed',
    clause,
    check: (c, ctx) =>
      (c.extensions ?? [])
        .filter((e) => !allowed.includes(e.oid) && !ctx.copiedExtensions.includes(e.oid))
        .map((e) => `The ${oidName(e.oid)} extension is not part of this profile.`),
  };
}
