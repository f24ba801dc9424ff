/**
 * key-recovery: custodians bring their shares, the KEK is rebuilt and checked
 * against its KCV, and the backup from the source bundle is unwrapped onto
 * the (new) token; each restored key is proven.
 */
import { z } from 'zod';
import { commonShape } from '../common.js';
import { labelSchema } from '../fields.js';
import { checkCustodianNames, checkEveryCustodianTakesPart, checkNoRepeats } from '../participants.js';
import { sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';

export const recoverySchema = z.strictObject({
  /** Who brings a share, in the order they come forward. At least the threshold recorded in the backup. */
  custodians: z.array(z.string().min(1, 'must not be empty')).min(2, 'needs at least 2 custodians: no backup has a threshold below 2'),
  /** Token labels of the keys to restore from backup/backup.json. */
  restore: z.array(labelSchema).min(1, 'name at least one key label to restore'),
});

export const keyRecoverySchema = z
  .strictObject({
    ...commonShape('key-recovery'),
    source: sourceSchema,
    seal: sealSchema,
    recovery: recoverySchema,
  })
  .superRefine((s, ctx) => {
    checkCustodianNames(s.participants, s.recovery.custodians, ['recovery', 'custodians'], ctx);
    checkNoRepeats(s.recovery.custodians, 'the custodian', ['recovery', 'custodians'], ctx);
    checkEveryCustodianTakesPart(s.participants, new Set(s.recovery.custodians), 'recovery.custodians', ctx);
  }, whenValid('participants', 'recovery'))
  .superRefine((s, ctx) => {
    checkNoRepeats(s.recovery.restore, 'the label', ['recovery', 'restore'], ctx);
    // The transcript is sealed on the token being restored to: the audit key has to come back with the others.
    if (!s.recovery.restore.includes(s.seal.key)) {
      ctx.addIssue({ code: 'custom', path: ['seal', 'key'], message: `the seal key "${s.seal.key}" is not in recovery.restore: restore it too, since this transcript is sealed on the restored token` });
    }
  }, whenValid('recovery', 'seal'));

export type KeyRecoveryScript = z.output<typeof keyRecoverySchema>;
