/**
 * key-destruction: named keys are destroyed on the HSM; the inventory before
 * and after goes into the transcript.
 */
import { z } from 'zod';
import { commonShape } from '../common.js';
import { hexSchema, labelSchema, textSchema } from '../fields.js';
import { checkNoRepeats } from '../participants.js';
import { sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';

export const destroyEntrySchema = z
  .strictObject({
    /** CKA_LABEL of the key on the token. */
    label: labelSchema,
    /** key-pair destroys the private and the public key object; secret destroys a secret key. */
    class: z.enum(['key-pair', 'secret'], { error: (issue) => (issue.input === undefined ? undefined : 'expected key-pair or secret') }),
    /** For a key pair: the SHA-256 of its SPKI as recorded when it was made; the key is destroyed only if it matches. */
    spkiSha256: hexSchema(32, 'the SHA-256 of the key\'s SubjectPublicKeyInfo').optional(),
    /** For a secret key: its key check value as recorded when it was made; the key is destroyed only if it matches. */
    kcv: hexSchema(3, 'the key check value').optional(),
    /** Why, in a sentence for the transcript. */
    reason: textSchema,
  })
  .superRefine((e, ctx) => {
    if (e.class === 'key-pair' && e.kcv !== undefined) ctx.addIssue({ code: 'custom', path: ['kcv'], message: 'a key pair has no KCV: identify it with spkiSha256 instead' });
    if (e.class === 'secret' && e.spkiSha256 !== undefined) ctx.addIssue({ code: 'custom', path: ['spkiSha256'], message: 'a secret key has no public key: identify it with kcv instead' });
  }, whenValid('class', 'kcv', 'spkiSha256'));

export type DestroyEntry = z.output<typeof destroyEntrySchema>;

export const keyDestructionSchema = z
  .strictObject({
    ...commonShape('key-destruction'),
    source: sourceSchema,
    seal: sealSchema,
    destroy: z.array(destroyEntrySchema).min(1, 'name at least one key to destroy'),
  })
  .superRefine((s, ctx) => {
    checkNoRepeats(s.destroy.map((d) => d.label), 'the label', ['destroy'], ctx);
    s.destroy.forEach((d, i) => {
      if (d.label === s.seal.key) {
        ctx.addIssue({ code: 'custom', path: ['destroy', i, 'label'], message: `"${d.label}" is the seal key: this ceremony's transcript is sealed with it at the end; destroy it in a later ceremony sealed by another audit key` });
      }
    });
  }, whenValid('destroy', 'seal'));

export type KeyDestructionScript = z.output<typeof keyDestructionSchema>;
