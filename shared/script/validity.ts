/**
 * A certificate's validity period. Either a fixed end (`notAfter`) or a
 * length in days counted from `notBefore` — days keep a rehearsed example
 * script valid whatever day it runs.
 */
import { z } from 'zod';
import { utcTimeSchema } from './fields.js';
import { whenValid } from './when-valid.js';

/** BR §7.1.2.1.1: a root CA certificate's validity is 2922 to 9132 days (about 8 to 25 years). */
export const MAX_ROOT_VALIDITY_DAYS = 9132;
export const MIN_ROOT_VALIDITY_DAYS = 2922;
/** The subordinate profiles (main/pki/profiles): at most 2922 days (about 8 years). */
export const MAX_SUBORDINATE_VALIDITY_DAYS = 2922;
/** The audit profile: at most 3653 days (10 years). */
export const MAX_AUDIT_VALIDITY_DAYS = 3653;

export const validitySchema = z
  .strictObject({
    /** Start of validity; left out, it is the moment of signing. */
    notBefore: utcTimeSchema.optional(),
    /** End of validity (inclusive, RFC 5280 §4.1.2.5). Give this or `days`. */
    notAfter: utcTimeSchema.optional(),
    /** Length in days from notBefore. Give this or `notAfter`. */
    days: z.int('expected a whole number of days').min(1, 'at least 1 day').max(36525, 'at most 100 years').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.notAfter === undefined) === (v.days === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of notAfter (a UTC date) or days (a number of days from notBefore)' });
    }
    if (v.notBefore !== undefined && v.notAfter !== undefined && Date.parse(v.notAfter) <= Date.parse(v.notBefore)) {
      ctx.addIssue({ code: 'custom', path: ['notAfter'], message: `notAfter ${v.notAfter} is not after notBefore ${v.notBefore}` });
    }
  }, whenValid('notBefore', 'notAfter', 'days'));

export type Validity = z.output<typeof validitySchema>;

/** The validity length in days when the script fixes it, else undefined (notBefore left to signing time). */
export function validityDays(v: Validity): number | undefined {
  if (v.days !== undefined) return v.days;
  if (v.notBefore !== undefined && v.notAfter !== undefined) return (Date.parse(v.notAfter) - Date.parse(v.notBefore)) / 86_400_000;
  return undefined;
}
