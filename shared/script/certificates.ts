/**
 * Certificates a ceremony signs, and what each profile accepts. The script is
 * refused here, before the HSM is touched, for anything the profile would
 * refuse at signing time (boulder's ceremony tool does the same).
 */
import { z } from 'zod';
import { filePathSchema, httpUrlSchema, nameSchema, oidSchema } from './fields.js';
import { subjectAttributes, subjectSchema } from './subject.js';
import { MAX_AUDIT_VALIDITY_DAYS, MAX_ROOT_VALIDITY_DAYS, MAX_SUBORDINATE_VALIDITY_DAYS, MIN_ROOT_VALIDITY_DAYS, validityDays, validitySchema } from './validity.js';
import { whenValid } from './when-valid.js';

/**
 * root-ca: the self-signed root. subordinate-ca: an intermediate CA for any
 * purpose. tls-subordinate-ca: an intermediate that issues TLS server
 * certificates under the CA/Browser Forum Baseline Requirements. audit: the
 * end-entity certificate of the key that seals ceremony transcripts.
 */
export const certificateProfiles = ['root-ca', 'tls-subordinate-ca', 'subordinate-ca', 'audit'] as const;
export type CertificateProfile = (typeof certificateProfiles)[number];

const caProfiles: readonly CertificateProfile[] = ['root-ca', 'tls-subordinate-ca', 'subordinate-ca'];

/** Policy OIDs a TLS subordinate must carry one of (BR §7.1.2.10.5): the CA/B reserved TLS policies, or anyPolicy. */
export const tlsPolicyOids = ['2.23.140.1.1', '2.23.140.1.2.1', '2.23.140.1.2.2', '2.23.140.1.2.3', '2.5.29.32.0'] as const;

const certificateFields = z.strictObject({
    /** Names the file certs/<name>.pem and the step certificate.<name>. */
    name: nameSchema,
    profile: z.enum(certificateProfiles, {
      error: (issue) => (issue.input === undefined ? undefined : `unknown profile ${JSON.stringify(issue.input)}: expected one of ${certificateProfiles.join(', ')}`),
    }),
    /** A key this ceremony generates (by its name under keys). Give this or csr. */
    key: nameSchema.optional(),
    /** A PKCS#10 request (PEM or DER), relative to the script. Give this or key. The CSR's signature is checked; its subject is not used. */
    csr: filePathSchema.optional(),
    subject: subjectSchema,
    validity: validitySchema,
    /** CRL distribution points (http). Required for a subordinate CA, refused on a root. */
    crlUrls: z.array(httpUrlSchema).min(1, 'list at least one URL, or leave crlUrls out').optional(),
    /** AIA caIssuers URLs (http) where the issuer's certificate is published. Refused on a root. */
    issuerUrls: z.array(httpUrlSchema).min(1, 'list at least one URL, or leave issuerUrls out').optional(),
    /** certificatePolicies OIDs. Required for a subordinate CA, refused on a root. */
    policies: z.array(oidSchema).min(1, 'list at least one policy OID, or leave policies out').optional(),
    /** basicConstraints pathLenConstraint for a subordinate CA; left out, 0 (it may issue only end-entity certificates). A root takes none. */
    pathLen: z.int('expected a whole number').min(0, 'at least 0').max(16, 'at most 16').optional(),
});

export type CertificateEntry = z.output<typeof certificateFields>;

export const certificateSchema = certificateFields
  .superRefine(checkKeyOrCsr, whenValid('profile', 'key', 'csr'))
  .superRefine(checkSubjectForProfile, whenValid('profile', 'subject'))
  .superRefine(checkExtensionsForProfile, whenValid('profile', 'crlUrls', 'issuerUrls', 'policies', 'pathLen', 'validity'));

/** "a root-ca", "an audit": the profile with its article, for messages. */
export function aProfile(profile: CertificateProfile): string {
  return `${profile === 'audit' ? 'an' : 'a'} ${profile}`;
}

/** Whether a certificate of this profile is a CA certificate. */
export function isCaProfile(profile: CertificateProfile): boolean {
  return caProfiles.includes(profile);
}

function checkKeyOrCsr(c: CertificateEntry, ctx: z.core.$RefinementCtx): void {
  if (c.key !== undefined && c.csr !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['csr'], message: 'give either key (a key generated here) or csr (a request file), not both' });
  } else if (c.key === undefined && c.csr === undefined) {
    ctx.addIssue({ code: 'custom', path: [], message: 'missing key or csr: name a key generated in this ceremony (key: root) or a request file (csr: csr/issuing-ca.csr.pem)' });
  } else if (c.csr !== undefined && (c.profile === 'root-ca' || c.profile === 'audit')) {
    // The root signs itself and the audit key must seal the transcript in this HSM: both keys are born here.
    ctx.addIssue({ code: 'custom', path: ['csr'], message: `${aProfile(c.profile)} certificate is made only in a root-key-generation ceremony, for a key generated there (key: <name under keys>), never from a csr` });
  }
}

function checkSubjectForProfile(c: CertificateEntry, ctx: z.core.$RefinementCtx): void {
  const attributes = subjectAttributes(c.subject);
  const count = (type: string) => attributes.filter((a) => a.type === type).length;
  if (count('CN') === 0) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'the subject needs a CN (common name) line' });
  const once = ['C', 'ST', 'L', 'O', 'CN', 'organizationIdentifier', 'serialNumber'];
  c.subject.forEach((entry, i) => {
    const [type] = Object.keys(entry);
    if (type !== undefined && once.includes(type) && attributes.slice(0, i).some((a) => a.type === type)) {
      ctx.addIssue({ code: 'custom', path: ['subject', i], message: `${type} appears twice in the subject: give it once` });
    }
  });
  if (!isCaProfile(c.profile)) return;
  if (c.profile !== 'subordinate-ca') checkBrAttributeOrder(c, ctx);
  // BR §7.1.2.10.2 (CA Certificate Naming): countryName, organizationName and commonName MUST be present; organizationalUnitName MUST NOT.
  for (const type of ['C', 'O']) {
    if (count(type) === 0) ctx.addIssue({ code: 'custom', path: ['subject'], message: `a CA certificate's subject needs a ${type} line (BR §7.1.2.10.2)` });
  }
  c.subject.forEach((entry, i) => {
    if ('OU' in entry) ctx.addIssue({ code: 'custom', path: ['subject', i], message: 'a CA certificate\'s subject must not hold OU (BR §7.1.2.10.2): remove this line' });
  });
}

/**
 * BR §7.1.4.2: the attributes it lists come in its relative order. The
 * root-ca and tls-subordinate-ca profiles lint it at signing (main/pki);
 * checked here too, so such a script is refused before the HSM is touched.
 */
const BR_ATTRIBUTE_ORDER = ['DC', 'C', 'ST', 'L', 'postalCode', 'street', 'O', 'OU', 'CN'];

function checkBrAttributeOrder(c: CertificateEntry, ctx: z.core.$RefinementCtx): void {
  let highest = -1;
  c.subject.forEach((entry, i) => {
    const [type] = Object.keys(entry);
    const rank = type === undefined ? -1 : BR_ATTRIBUTE_ORDER.indexOf(type);
    if (rank < 0) return;
    if (rank < highest) {
      ctx.addIssue({ code: 'custom', path: ['subject', i], message: `${type} comes too late: ${aProfile(c.profile)} subject lists its attributes in the order ${BR_ATTRIBUTE_ORDER.join(', ')} (BR §7.1.4.2)` });
    }
    highest = Math.max(highest, rank);
  });
}

function checkExtensionsForProfile(c: CertificateEntry, ctx: z.core.$RefinementCtx): void {
  const refuse = (field: 'crlUrls' | 'issuerUrls' | 'policies' | 'pathLen', why: string) => ctx.addIssue({ code: 'custom', path: [field], message: `${aProfile(c.profile)} certificate takes no ${field}: ${why}` });
  const days = validityDays(c.validity);
  const longest = (limit: number, why: string) => {
    if (days !== undefined && days > limit) ctx.addIssue({ code: 'custom', path: ['validity'], message: `${aProfile(c.profile)} certificate is valid for at most ${limit} days (${why}); this one is ${Math.ceil(days)}` });
  };
  switch (c.profile) {
    case 'root-ca': {
      if (c.crlUrls) refuse('crlUrls', 'nothing above a root can revoke it; remove crlUrls');
      if (c.issuerUrls) refuse('issuerUrls', 'a root is its own issuer; remove issuerUrls');
      if (c.policies) refuse('policies', 'BR §7.1.2.1.2 does not recommend certificatePolicies in a root; put them in the subordinates');
      if (c.pathLen !== undefined) refuse('pathLen', 'BR §7.1.2.1.4 leaves a root without pathLenConstraint; remove pathLen');
      longest(MAX_ROOT_VALIDITY_DAYS, '25 years, BR §7.1.2.1.1');
      if (days !== undefined && days < MIN_ROOT_VALIDITY_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['validity'], message: `a root certificate is valid for at least ${MIN_ROOT_VALIDITY_DAYS} days (about 8 years, BR §7.1.2.1.1); this one is ${Math.floor(days)}` });
      }
      break;
    }
    case 'subordinate-ca':
    case 'tls-subordinate-ca': {
      longest(MAX_SUBORDINATE_VALIDITY_DAYS, 'about 8 years, the subordinate profiles');
      // BR §7.1.2.10.2 and §7.1.2.10.5: a subordinate CA carries where its revocation is published and which policies it serves.
      if (!c.crlUrls) ctx.addIssue({ code: 'custom', path: [], message: `missing crlUrls: a ${c.profile} certificate says where the root's CRL is published (BR §7.1.2.11.2)` });
      if (c.profile === 'tls-subordinate-ca' && !c.issuerUrls) {
        ctx.addIssue({ code: 'custom', path: [], message: 'missing issuerUrls: a tls-subordinate-ca certificate says where its issuer\'s certificate is published (caIssuers, BR §7.1.2.10.3)' });
      }
      if (!c.policies) {
        ctx.addIssue({ code: 'custom', path: [], message: `missing policies: a ${c.profile} certificate lists at least one certificate policy OID (BR §7.1.2.10.5)` });
      } else if (c.profile === 'tls-subordinate-ca' && !c.policies.some((oid) => (tlsPolicyOids as readonly string[]).includes(oid))) {
        ctx.addIssue({ code: 'custom', path: ['policies'], message: `a TLS subordinate needs one of the CA/Browser Forum policies ${tlsPolicyOids.join(', ')} (BR §7.1.2.10.5)` });
      }
      break;
    }
    case 'audit':
      if (c.pathLen !== undefined) refuse('pathLen', 'the audit certificate is not a CA; remove pathLen');
      longest(MAX_AUDIT_VALIDITY_DAYS, '10 years, the audit profile');
      break;
  }
}
