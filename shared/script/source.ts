/**
 * What a later ceremony builds on: the evidence bundle of an earlier one, the
 * CA already on the token, and the audit key that seals this transcript.
 */
import { z } from 'zod';
import { filePathSchema, labelSchema, nameSchema } from './fields.js';

/**
 * The evidence bundle directory of the ceremony this one builds on (the root
 * ceremony, or the latest one since). Certificates, CRLs and the backup named
 * below are read from it. A rehearsal points it at its own practice bundle.
 */
export const sourceSchema = filePathSchema;

/** The CA on the token that signs in this ceremony. */
export const issuerSchema = z.strictObject({
  /** CKA_LABEL of its key pair on the token. */
  key: labelSchema,
  /** Its certificate in the source bundle, by name (certs/<name>.pem). The token key's public key must match it. */
  certificate: nameSchema,
});

/**
 * The audit key that seals this ceremony's transcript, and the chain an
 * auditor verifies the seal with (design/FORMATS.md, `openssl cms -verify`).
 */
export const sealSchema = z.strictObject({
  /** CKA_LABEL of the audit key pair on the token. */
  key: labelSchema,
  /** The audit certificate in the source bundle, by name (certs/<name>.pem). */
  certificate: nameSchema,
  /** The root certificate in the source bundle that certified it, by name. */
  root: nameSchema,
});

export type IssuerSection = z.output<typeof issuerSchema>;
export type SealSection = z.output<typeof sealSchema>;
