/**
 * custodian-rotation: a quorum of current custodians rebuilds the KEK; a new
 * KEK re-wraps the backup, new shares go to the new set, and only then is the
 * old set declared void.
 */
import { z } from 'zod';
import { backupSchema } from '../backup.js';
import { commonShape } from '../common.js';
import { checkCustodianNames, checkEveryCustodianTakesPart, checkNoRepeats } from '../participants.js';
import { sealSchema, sourceSchema } from '../source.js';
import { whenValid } from '../when-valid.js';

export const rotationSchema = z.strictObject({
  /** Current custodians who bring their shares of the old KEK, in the order they come forward. */
  quorum: z.array(z.string().min(1, 'must not be empty')).min(2, 'needs at least 2 current custodians: no backup has a threshold below 2'),
});

export const custodianRotationSchema = z
  .strictObject({
    ...commonShape('custodian-rotation'),
    source: sourceSchema,
    seal: sealSchema,
    rotation: rotationSchema,
    /** The new backup: its threshold and custodians replace the old ones. */
    backup: backupSchema,
  })
  .superRefine((s, ctx) => {
    checkCustodianNames(s.participants, s.rotation.quorum, ['rotation', 'quorum'], ctx);
    checkNoRepeats(s.rotation.quorum, 'the custodian', ['rotation', 'quorum'], ctx);
    checkCustodianNames(s.participants, s.backup.custodians, ['backup', 'custodians'], ctx);
    checkEveryCustodianTakesPart(s.participants, new Set([...s.rotation.quorum, ...s.backup.custodians]), 'rotation.quorum or backup.custodians', ctx);
  }, whenValid('participants', 'rotation', 'backup'));

export type CustodianRotationScript = z.output<typeof custodianRotationSchema>;
