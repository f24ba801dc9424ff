/**
 * subordinate-signing: a root already on the token signs CSRs into
 * subordinate CA certificates, and optionally a fresh CRL.
 */
import { z } from 'zod';
import { aProfile, certificateSchema } from '../certificates.js';
import { commonShape } from '../common.js';
import { crlSchema } from '../crls.js';
import { issuerSchema, sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';
import { checkCrlIssuers, checkUniqueNames } from './shared-checks.js';

export const subordinateSigningSchema = z
  .strictObject({
    ...commonShape('subordinate-signing'),
    source: sourceSchema,
    issuer: issuerSchema,
    seal: sealSchema,
    certificates: z.array(certificateSchema).min(1, 'needs at least one subordinate certificate to sign'),
    crls: z.array(crlSchema).default([]),
  })
  .superRefine((s, ctx) => {
    checkUniqueNames(s.certificates, 'certificates', 'certificate', ctx);
    s.certificates.forEach((c, i) => {
      if (c.profile === 'root-ca' || c.profile === 'audit') {
        ctx.addIssue({ code: 'custom', path: ['certificates', i, 'profile'], message: `${aProfile(c.profile)} certificate is only made in a root-key-generation ceremony: here the profile is subordinate-ca or tls-subordinate-ca` });
      }
      if (c.key !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['certificates', i, 'key'], message: 'this ceremony generates no keys: a subordinate is signed from its request (csr: <file>)' });
      }
      // The bundle already holds certs/<issuer>.pem and certs/<seal>.pem: a new certificate must not overwrite them.
      for (const taken of new Set([s.issuer.certificate, s.seal.certificate, s.seal.root])) {
        if (c.name === taken) ctx.addIssue({ code: 'custom', path: ['certificates', i, 'name'], message: `"${c.name}" is already the name of a certificate this ceremony uses (certs/${taken}.pem): choose another name` });
      }
    });
  }, whenValid('certificates', 'issuer', 'seal'))
  .superRefine((s, ctx) => {
    checkUniqueNames(s.crls, 'crls', 'CRL', ctx);
    checkCrlIssuers(s.crls, [s.issuer.certificate], 'the issuer certificate', ctx);
  }, whenValid('crls', 'issuer'));

export type SubordinateSigningScript = z.output<typeof subordinateSigningSchema>;
