/**
 * The backup: a KEK from the HSM's RNG wraps every key marked `backup`, and
 * the KEK is split M-of-N among custodians with Shamir (design/PRODUCT.md,
 * root-key-generation; design/FORMATS.md, "Share").
 */
import { z } from 'zod';
import { checkNoRepeats } from './participants.js';
import { whenValid } from './when-valid.js';

/** shamir-secret-sharing's limits: 2 ≤ threshold ≤ shares ≤ 255 (design/STACK-NOTES.md). */
export const MAX_SHARES = 255;

export const backupSchema = z
  .strictObject({
    /** M: how many custodians must come together to rebuild the KEK. */
    threshold: z.int('expected a whole number').min(2, 'a threshold below 2 would let one custodian rebuild the KEK alone: use 2 or more').max(MAX_SHARES, `at most ${MAX_SHARES} (the Shamir split's limit)`),
    /** N custodians, by participant name; share member indexes follow this order (1..N). */
    custodians: z.array(z.string().min(1, 'must not be empty')).min(2, 'needs at least 2 custodians').max(MAX_SHARES, `at most ${MAX_SHARES} custodians (the Shamir split's limit)`),
    /** How many USB sticks receive the wrapped backup (each written, flushed, read back and compared). */
    usbCopies: z.int('expected a whole number').min(1, 'needs at least 1 copy').max(9, 'at most 9 copies').default(1),
    /** Whether each custodian also gets a share file on USB, sealed under their own passphrase. */
    sealedShareFiles: z.boolean().default(false),
    /** Whether custodian cards (PDF) go into the bundle outside rehearsal too (a rehearsal always writes them). */
    cardsInBundle: z.boolean().default(false),
  })
  .superRefine((backup, ctx) => {
    if (backup.threshold > backup.custodians.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `threshold ${backup.threshold} is more than the ${backup.custodians.length} custodians listed: the KEK could never be rebuilt. Expected 2 ≤ threshold ≤ number of custodians`,
      });
    }
  }, whenValid('threshold', 'custodians'))
  .superRefine((backup, ctx) => checkNoRepeats(backup.custodians, 'the custodian', ['custodians'], ctx), whenValid('custodians'));

export type BackupSection = z.output<typeof backupSchema>;
