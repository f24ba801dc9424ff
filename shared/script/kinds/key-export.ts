/**
 * key-export: a secret key (the master key) leaves the HSM only wrapped, for
 * another HSM or a cloud KMS's import, onto USB. Every wrap happens in the HSM.
 */
import { z } from 'zod';
import { commonShape } from '../common.js';
import { filePathSchema, hexSchema, labelSchema, nameSchema } from '../fields.js';
import { sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';
import { checkUniqueNames } from './shared-checks.js';

/** Where an export goes; each format has its own inputs. */
export const exportFormats = ['hsm', 'aws-kms', 'gcp-kms', 'azure-byok'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const exportBase = {
  /** Names the output folder exports/<name>/ and the step key-export.<name>. */
  name: nameSchema,
  /** CKA_LABEL of the secret key on the token; it must have been made exportable. */
  key: labelSchema,
  /** The key's KCV as recorded when it was made; the export stops if the token's key differs. */
  kcv: hexSchema(3, 'the key check value').optional(),
  /** The destination's transport public key: an X.509 certificate or an SPKI, PEM or DER, relative to the script. RSA ≥ 2048. */
  transportKey: filePathSchema,
};

const awsKeyId = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/)?(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const gcpName = (collection: string) => new RegExp(`^projects/[^/\\s]+/locations/[^/\\s]+/keyRings/[^/\\s]+/${collection}/[^/\\s]+$`);

export const exportEntrySchema = z.discriminatedUnion(
  'format',
  [
    /** Another HSM: RSA-OAEP with SHA-256 and MGF1-SHA-256 under its transport key. */
    z.strictObject({ ...exportBase, format: z.literal('hsm') }),
    /** AWS KMS "import key material", with the wrapping key and import token from GetParametersForImport. */
    z.strictObject({
      ...exportBase,
      format: z.literal('aws-kms'),
      /** The import token file AWS gave with the wrapping key, relative to the script. */
      importToken: filePathSchema,
      wrappingAlgorithm: z.enum(['RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_256'], { error: () => 'expected RSAES_OAEP_SHA_256 or RSA_AES_KEY_WRAP_SHA_256' }).default('RSAES_OAEP_SHA_256'),
      /** The KMS key (id or ARN) the material is imported into; used in the printed command. */
      keyId: z.string().regex(awsKeyId, 'expected a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab) or its ARN'),
    }),
    /** Google Cloud KMS import job: RSA-OAEP then AES key wrap with padding, as the import method says. */
    z.strictObject({
      ...exportBase,
      format: z.literal('gcp-kms'),
      method: z.enum(['RSA_OAEP_3072_SHA256_AES_256', 'RSA_OAEP_4096_SHA256_AES_256'], { error: () => 'expected RSA_OAEP_3072_SHA256_AES_256 or RSA_OAEP_4096_SHA256_AES_256' }),
      importJob: z.string().regex(gcpName('importJobs'), 'expected projects/<p>/locations/<l>/keyRings/<r>/importJobs/<job>'),
      cryptoKey: z.string().regex(gcpName('cryptoKeys'), 'expected projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<key>'),
    }),
    /**
     * Azure Managed HSM BYOK: a .byok file for the key exchange key `kid`. The
     * BYOK specification's terminology table takes AES target keys into
     * Managed HSM only, so the kid must name one (not a Key Vault).
     */
    z.strictObject({
      ...exportBase,
      format: z.literal('azure-byok'),
      /** The key exchange key's id, e.g. https://myhsm.managedhsm.azure.net/keys/kek/0123...; it goes into the .byok file. */
      kid: z.string().regex(/^https:\/\/[A-Za-z0-9-]+\.managedhsm\.[A-Za-z0-9.-]+\/keys\/[^\s]+$/, 'expected the key exchange key id in a Managed HSM, https://<hsm>.managedhsm.azure.net/keys/<name>/<version> (Azure takes AES keys by BYOK into Managed HSM only)'),
      /** Name of the key to create in the vault; used in the printed command. */
      keyName: z.string().regex(/^[A-Za-z0-9-]{1,127}$/, 'expected a Key Vault key name: letters, digits and dashes'),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? issue.input !== null && typeof issue.input === 'object' && (issue.input as { format?: unknown }).format !== undefined
          ? `unknown format ${JSON.stringify((issue.input as { format?: unknown }).format)}: expected one of ${exportFormats.join(', ')}`
          : `missing format: expected one of ${exportFormats.join(', ')}`
        : undefined,
  },
);

export type ExportEntry = z.output<typeof exportEntrySchema>;

export const keyExportSchema = z
  .strictObject({
    ...commonShape('key-export'),
    source: sourceSchema,
    seal: sealSchema,
    exports: z.array(exportEntrySchema).min(1, 'name at least one export'),
    /** How many USB sticks receive the exported files (each written, flushed, read back and compared). */
    usbCopies: z.int('expected a whole number').min(1, 'needs at least 1 copy').max(9, 'at most 9 copies').default(1),
  })
  .superRefine((s, ctx) => checkUniqueNames(s.exports, 'exports', 'export', ctx), whenValid('exports'));

export type KeyExportScript = z.output<typeof keyExportSchema>;
