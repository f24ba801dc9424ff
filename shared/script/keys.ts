/**
 * The keys a ceremony generates on the HSM. A key's type is written as a
 * person says it ("EC P-384"); `keyTypes` maps it to the structured type the
 * HSM layer takes.
 */
import { z } from 'zod';
import { labelSchema, nameSchema } from './fields.js';
import { whenListValid, whenValid } from './when-valid.js';

/** Key types a script may ask for: BR §6.1.5 curves and RSA sizes, and AES-256 for a master key. */
export const keyTypeNames = ['EC P-256', 'EC P-384', 'EC P-521', 'RSA 2048', 'RSA 3072', 'RSA 4096', 'AES-256'] as const;
export type KeyTypeName = (typeof keyTypeNames)[number];

/** The structured form of a key type; the same shape as main/hsm/key-spec.ts KeyType. */
export type ScriptKeyType =
  | { kind: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' }
  | { kind: 'rsa'; bits: 2048 | 3072 | 4096 }
  | { kind: 'aes'; bits: 256 };

/** What each key type name means. */
export const keyTypes: Readonly<Record<KeyTypeName, ScriptKeyType>> = {
  'EC P-256': { kind: 'ec', curve: 'P-256' },
  'EC P-384': { kind: 'ec', curve: 'P-384' },
  'EC P-521': { kind: 'ec', curve: 'P-521' },
  'RSA 2048': { kind: 'rsa', bits: 2048 },
  'RSA 3072': { kind: 'rsa', bits: 3072 },
  'RSA 4096': { kind: 'rsa', bits: 4096 },
  'AES-256': { kind: 'aes', bits: 256 },
};

/** True for a key pair (it can sign and be certified), false for a secret key. */
export function isKeyPairType(type: KeyTypeName): boolean {
  return keyTypes[type].kind !== 'aes';
}

export const keySchema = z
  .strictObject({
    /** How the script refers to the key (certificates name it). */
    name: nameSchema,
    /** CKA_LABEL on the token; unique on the token, pre-flight refuses one already there. */
    label: labelSchema,
    type: z.enum(keyTypeNames, {
      error: (issue) => (issue.input === undefined ? undefined : `unknown key type ${JSON.stringify(issue.input)}: expected one of ${keyTypeNames.join(', ')}`),
    }),
    /** RSA 2048 is weaker than a root needs; a script must say it means it. */
    allowRsa2048: z.boolean().optional(),
    /** Wrapped under the backup KEK and written to USB. Makes the key extractable (only under a wrapping key: it stays sensitive). */
    backup: z.boolean().default(false),
    /** May leave the HSM wrapped in a later key-export ceremony. Secret keys only. */
    exportable: z.boolean().default(false),
  })
  .superRefine((key, ctx) => {
    if (key.type === 'RSA 2048' && key.allowRsa2048 !== true) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'RSA 2048 is below the 3072 bits a CA key should have: use RSA 3072 or 4096, or add allowRsa2048: true to this key if you mean it' });
    }
    if (key.allowRsa2048 !== undefined && key.type !== 'RSA 2048') {
      ctx.addIssue({ code: 'custom', path: ['allowRsa2048'], message: `allowRsa2048 only applies to type RSA 2048 (this key is ${key.type}): remove it` });
    }
    if (key.exportable && isKeyPairType(key.type)) {
      ctx.addIssue({ code: 'custom', path: ['exportable'], message: `only a secret key (AES-256) can be exported; this key is ${key.type}: remove exportable` });
    }
  }, whenValid('type', 'allowRsa2048', 'exportable'));

export type KeyEntry = z.output<typeof keySchema>;

/** The keys, each name and each label used once. */
export const keysSchema = z
  .array(keySchema)
  .min(1, 'needs at least one key')
  .superRefine((keys, ctx) => {
    const names = new Set<string>();
    const labels = new Set<string>();
    keys.forEach((key, i) => {
      if (names.has(key.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the key name "${key.name}" is used twice: each key needs its own name` });
      if (labels.has(key.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `the label "${key.label}" is used twice: each key needs its own label on the token` });
      names.add(key.name);
      labels.add(key.label);
    });
  }, whenListValid());
