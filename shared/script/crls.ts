/**
 * CRLs a ceremony signs: who issues it, which serials it revokes and why, and
 * how long until the next one is due.
 */
import { z } from 'zod';
import { nameSchema, utcTimeSchema } from './fields.js';
import { whenListValid } from './when-valid.js';

/**
 * CRLReason values a CA certificate may be revoked with (RFC 5280 §5.3.1).
 * certificateHold and removeFromCRL are left out: the Baseline Requirements
 * forbid suspension (BR §4.9.13).
 */
export const revocationReasons = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'privilegeWithdrawn'] as const;
export type RevocationReason = (typeof revocationReasons)[number];

/** BR §4.9.7: a CRL covering CA certificates has nextUpdate at most 12 months after thisUpdate. */
export const MAX_NEXT_UPDATE_DAYS = 365;

export const revokedEntrySchema = z.strictObject({
  /** The certificate's serial number in hex, as openssl prints it (colons allowed). At most 20 octets (RFC 5280 §4.1.2.2). */
  serial: z
    .string({ error: (issue) => (issue.input === undefined ? undefined : 'expected the serial number as hex text in quotes, e.g. "3a:5f:09"') })
    .transform((s) => s.replaceAll(':', '').toLowerCase())
    .pipe(z.string().regex(/^[0-9a-f]{1,40}$/, 'expected a serial number of 1 to 40 hex digits (at most 20 octets, RFC 5280 §4.1.2.2)')),
  reason: z.enum(revocationReasons, {
    error: (issue) => (issue.input === undefined ? undefined : `unknown reason ${JSON.stringify(issue.input)}: expected one of ${revocationReasons.join(', ')} (certificateHold is not allowed, BR §4.9.13)`),
  }),
  /** When the certificate was revoked (revocationDate). */
  date: utcTimeSchema,
});

export const crlSchema = z.strictObject({
  /** Names the file crls/<name>.crl and the step crl.<name>. */
  name: nameSchema,
  /** The CA that signs it: the root-ca certificate's name (root ceremony) or issuer.certificate (later ceremonies). */
  issuer: nameSchema,
  /** cRLNumber. Left out: 1 in a root ceremony, or one more than `previous`. */
  number: z.int('expected a whole number').min(1, 'at least 1').optional(),
  /**
   * The CRL of the same issuer in the source bundle (crls/<previous>.crl) that
   * this one replaces: its entries are carried forward and its number counts on.
   */
  previous: nameSchema.optional(),
  /** Certificates revoked by this CRL (besides those carried forward). */
  revoked: z
    .array(revokedEntrySchema)
    .default([])
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        if (seen.has(e.serial)) ctx.addIssue({ code: 'custom', path: [i, 'serial'], message: `serial ${e.serial} is listed twice` });
        seen.add(e.serial);
      });
    }, whenListValid()),
  /** Days from signing to nextUpdate. */
  nextUpdateDays: z.int('expected a whole number of days').min(1, 'at least 1 day').max(MAX_NEXT_UPDATE_DAYS, `at most ${MAX_NEXT_UPDATE_DAYS} days (BR §4.9.7: a CRL for CA certificates is reissued at least every 12 months)`),
});

export type CrlEntry = z.output<typeof crlSchema>;
