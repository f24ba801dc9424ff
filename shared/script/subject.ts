/**
 * A certificate subject as an ordered list of attribute/value pairs, one RDN
 * each, in the order they are encoded (design/STACK-NOTES.md: one attribute
 * per RelativeDistinguishedName, never a multi-valued RDN).
 */
import { z } from 'zod';

/** Upper bounds from RFC 5280 Appendix A (ub-* values); C is ISO 3166-1 alpha-2. */
const attribute = {
  C: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code in capitals (ISO 3166-1), e.g. "DE"'),
  ST: z.string().min(1).max(128, 'at most 128 characters (RFC 5280 ub-state-name)'),
  L: z.string().min(1).max(128, 'at most 128 characters (RFC 5280 ub-locality-name)'),
  postalCode: z.string().min(1).max(40, 'at most 40 characters'),
  street: z.string().min(1).max(128, 'at most 128 characters'),
  O: z.string().min(1).max(64, 'at most 64 characters (RFC 5280 ub-organization-name)'),
  OU: z.string().min(1).max(64, 'at most 64 characters (RFC 5280 ub-organizational-unit-name)'),
  organizationIdentifier: z.string().min(1).max(64, 'at most 64 characters'),
  serialNumber: z.string().min(1).max(64, 'at most 64 characters (RFC 5280 ub-serial-number)'),
  CN: z.string().min(1).max(64, 'at most 64 characters (RFC 5280 ub-common-name)'),
  DC: z.string().regex(/^[A-Za-z0-9-]{1,63}$/, 'expected one DNS label, e.g. "example"'),
};

/** The attribute names a subject may use. */
export const subjectAttributeNames = Object.keys(attribute) as (keyof typeof attribute)[];
export type SubjectAttributeName = keyof typeof attribute;

/** One line of the subject, written `- CN: ACME Root CA`. */
export const subjectEntrySchema = z
  .strictObject(
    {
      C: attribute.C.optional(),
      ST: attribute.ST.optional(),
      L: attribute.L.optional(),
      postalCode: attribute.postalCode.optional(),
      street: attribute.street.optional(),
      O: attribute.O.optional(),
      OU: attribute.OU.optional(),
      organizationIdentifier: attribute.organizationIdentifier.optional(),
      serialNumber: attribute.serialNumber.optional(),
      CN: attribute.CN.optional(),
      DC: attribute.DC.optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown subject attribute ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: expected one of ${subjectAttributeNames.join(', ')}`
          : undefined,
    },
  )
  .superRefine(
    (entry, ctx) => {
      const count = Object.keys(entry).length;
      if (count !== 1) ctx.addIssue({ code: 'custom', path: [], message: `each subject line holds exactly one attribute (this one has ${count}), e.g. "- CN: ACME Root CA"` });
    },
    // An unknown attribute is already reported; counting the rest would say it twice.
    { when: (payload) => payload.issues.length === 0 && typeof payload.value === 'object' && payload.value !== null },
  );

/** An attribute and its value, as the PKI layer takes them. */
export interface SubjectAttribute {
  type: SubjectAttributeName;
  value: string;
}

/** The subject as ordered pairs. Assumes a valid subject (one attribute per entry). */
export function subjectAttributes(subject: readonly z.output<typeof subjectEntrySchema>[]): SubjectAttribute[] {
  return subject.flatMap((entry) =>
    Object.entries(entry).flatMap(([type, value]) => (value === undefined ? [] : [{ type: type as SubjectAttributeName, value }])),
  );
}

/** The subject, ordered, at least a CN. */
export const subjectSchema = z.array(subjectEntrySchema).min(1, 'needs at least a CN line');

export type SubjectEntry = z.output<typeof subjectEntrySchema>;
