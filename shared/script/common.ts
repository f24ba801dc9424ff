/**
 * What every ceremony script holds, whatever its kind: the version, the kind,
 * the ceremony id and title, the people, the HSM, options and a team's own
 * instructions.
 */
import { z } from 'zod';
import { ceremonyIdSchema, textSchema } from './fields.js';
import { hsmSchema, instructionsSchema, optionsSchema } from './hsm.js';
import { participantsSchema } from './participants.js';

/** The script format version this code reads. */
export const SCRIPT_VERSION = 1;

/** Every ceremony kind (design/PRODUCT.md, "Ceremonies"). */
export const ceremonyKinds = [
  'root-key-generation',
  'subordinate-signing',
  'crl-signing',
  'key-recovery',
  'custodian-rotation',
  'key-destruction',
  'key-export',
] as const;
export type CeremonyKind = (typeof ceremonyKinds)[number];

export const versionSchema = z.literal(SCRIPT_VERSION, {
  error: (issue) =>
    issue.input === undefined
      ? `missing version: start the script with "version: ${SCRIPT_VERSION}"`
      : `this Conclave reads script version ${SCRIPT_VERSION}; found ${JSON.stringify(issue.input)}`,
});

/** The fields every kind shares; each kind's schema spreads them into its own. */
export function commonShape<K extends CeremonyKind>(kind: K) {
  return {
    version: versionSchema,
    kind: z.literal(kind),
    /** Unique per ceremony: it goes into backup.json and every share. */
    id: ceremonyIdSchema,
    /** One line, printed at the top of the transcript. */
    title: textSchema.max(200, 'at most 200 characters'),
    participants: participantsSchema,
    hsm: hsmSchema,
    options: optionsSchema,
    instructions: instructionsSchema,
  };
}
