/**
 * crl-signing: revoke certificates (serial, reason, date) and sign the next
 * CRL with the CA already on the token.
 */
import { z } from 'zod';
import { commonShape } from '../common.js';
import { crlSchema } from '../crls.js';
import { issuerSchema, sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';
import { checkCrlIssuers, checkUniqueNames } from './shared-checks.js';

export const crlSigningSchema = z
  .strictObject({
    ...commonShape('crl-signing'),
    source: sourceSchema,
    issuer: issuerSchema,
    seal: sealSchema,
    crls: z.array(crlSchema).min(1, 'needs at least one CRL to sign'),
  })
  .superRefine((s, ctx) => {
    checkUniqueNames(s.crls, 'crls', 'CRL', ctx);
    checkCrlIssuers(s.crls, [s.issuer.certificate], 'the issuer certificate', ctx);
  }, whenValid('crls', 'issuer'));

export type CrlSigningScript = z.output<typeof crlSigningSchema>;
