/**
 * Which HSM token the ceremony uses, and what the team expects it to be.
 * Pre-flight compares the token the room has with `expect` before anything
 * is touched (design/PRODUCT.md, "Pre-flight").
 */
import { z } from 'zod';

export const hsmSchema = z.strictObject({
  /**
   * Path of the PKCS#11 module. Room-specific: the person running the ceremony
   * may override it (`--module`), and the override is shown apart from the
   * script so "reviewed equals executed" still holds for everything else.
   */
  module: z.string().min(1, 'expected the path of the PKCS#11 module, or leave module out').optional(),
  /** The token's label (CK_TOKEN_INFO.label: at most 32 characters). */
  token: z.string().min(1, 'expected the token label').max(32, 'a PKCS#11 token label has at most 32 characters'),
  /** What the token must report; each field given is compared, each left out is only recorded. */
  expect: z
    .strictObject({
      manufacturer: z.string().min(1).max(32, 'CK_TOKEN_INFO.manufacturerID has at most 32 characters').optional(),
      model: z.string().min(1).max(16, 'CK_TOKEN_INFO.model has at most 16 characters').optional(),
      serial: z.string().min(1).max(16, 'CK_TOKEN_INFO.serialNumber has at most 16 characters').optional(),
      firmware: z.string().regex(/^[0-9]+\.[0-9]+$/, 'expected the firmware version as major.minor, e.g. "2.6"').optional(),
    })
    .optional(),
});

export type HsmSection = z.output<typeof hsmSchema>;

/** How strictly pre-flight treats a network interface (other than loopback) that is up. */
export const airGapModes = ['required', 'warn'] as const;

/** Options that change how the room checks run; rehearsals may relax them. */
export const optionsSchema = z
  .strictObject({
    /**
     * required: an interface that is up stops the ceremony before the HSM is touched.
     * warn: it is shown, and the witness must acknowledge it (recorded as a deviation).
     */
    airGap: z.enum(airGapModes, { error: (issue) => (issue.input === undefined ? undefined : 'expected required or warn') }).default('required'),
  })
  .prefault({});

export type ScriptOptions = z.output<typeof optionsSchema>;

/**
 * A team's own words for a step, keyed by step id (as `conclave script check`
 * prints them). Shown under the step's standard instructions and printed in
 * the transcript. Which ids exist depends on the script; the loader checks them.
 */
export const instructionsSchema = z.record(z.string(), z.string().trim().min(1, 'must not be empty')).default({});
