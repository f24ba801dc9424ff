/**
 * Steps around the backup key (KEK): make it, wrap with it, split it among
 * custodians and hand the shares out; or collect shares and rebuild it.
 */
import type { BackupSection } from '../../../shared/script/backup.js';
import type { PlannedStep } from '../../../shared/script/plan.js';

/** A fresh KEK from the HSM's RNG. */
export function kekStep(): PlannedStep {
  return {
    id: 'backup.kek',
    action: { type: 'backup.kek' },
    title: 'Generate the backup key (KEK)',
    instructions:
      'The HSM\'s random generator produces a fresh AES-256 key-encryption key. It is held as a session object and in memory only, never written anywhere; after this ceremony it exists only as the custodians\' shares. Its key check value (KCV) is shown and recorded.',
    creates: [{ kind: 'record', name: 'backup.kek', description: 'the KEK\'s key check value' }],
    irreversible: null,
  };
}

/**
 * Wrap keys under the KEK. `labels` names them for the instructions; empty
 * means every key of the source backup (custodian rotation).
 */
export function wrapStep(keyNames: string[], labels: string[]): PlannedStep {
  const which = labels.length > 0 ? `Each key marked for backup (${labels.join(', ')})` : 'Every key of the old backup, found on the token by its label and checked against the backup\'s record (CKA_ID, public key or KCV),';
  return {
    id: 'backup.wrap',
    action: { type: 'backup.wrap', keys: keyNames },
    title: labels.length > 0 ? 'Wrap the keys for backup' : 'Re-wrap the backup under the new KEK',
    instructions: `${which} is wrapped under the KEK inside the HSM (AES key wrap with padding, RFC 5649). The wrapped keys, with each key's public key or KCV, go into backup/backup.json.`,
    creates: [{ kind: 'file', name: 'backup/backup.json', description: 'the wrapped key backup' }],
    irreversible: null,
  };
}

/** Split the KEK M-of-N with Shamir. */
export function splitStep(backup: BackupSection): PlannedStep {
  const n = backup.custodians.length;
  return {
    id: 'backup.split',
    action: { type: 'backup.split', threshold: backup.threshold, shares: n },
    title: `Split the KEK into ${n} shares, any ${backup.threshold} of which rebuild it`,
    instructions: `The KEK is split with Shamir's secret sharing into ${n} shares; any ${backup.threshold} of them rebuild it, fewer reveal nothing. Each share goes into an envelope with this ceremony's share-set id, its member number, the threshold and a checksum. The fingerprint of every share is recorded; the shares themselves never are.`,
    creates: [{ kind: 'record', name: 'backup.split', description: 'share-set id, threshold, share fingerprints' }],
    irreversible: null,
  };
}

/** One hand-off per custodian, in the order backup.custodians lists them. */
export function handoffSteps(backup: BackupSection): PlannedStep[] {
  const n = backup.custodians.length;
  return backup.custodians.map((custodian, i) => {
    const member = i + 1;
    const sealed = backup.sealedShareFiles ? ` ${custodian} then chooses a passphrase, and their share is also written to a USB file sealed under it.` : '';
    return {
      id: `handoff.${member}`,
      action: { type: 'custodian.handoff', custodian, member },
      title: `Hand share ${member} of ${n} to ${custodian}`,
      instructions: `In privacy, ${custodian} sees share ${member} as words and as a QR code, and it is printed on their custodian card. They prove receipt by typing it back. The share is never shown twice unless the witness approves, and the transcript says so.${sealed}`,
      creates: [
        { kind: 'share', name: custodian, description: `share ${member} of ${n} (card${backup.sealedShareFiles ? ' and sealed share file' : ''})` },
        { kind: 'record', name: 'share.issued', description: 'custodian, member number, share fingerprint' },
      ],
      irreversible: null,
    };
  });
}

/** One step per custodian who brings a share of the old KEK. */
export function collectShareSteps(custodians: readonly string[]): PlannedStep[] {
  return custodians.map((custodian, i) => ({
    id: `collect-share.${i + 1}`,
    action: { type: 'share.collect', custodian, order: i + 1 } as const,
    title: `Take ${custodian}'s share`,
    instructions: `In privacy, ${custodian} enters their share (typing the words, or showing the QR code). Conclave checks its checksum, then its fingerprint against the transcript of the ceremony that issued it, before anything is combined. A mistyped word is named by position; a share from another ceremony or a duplicate is refused.`,
    creates: [{ kind: 'record', name: 'share.accepted', description: 'custodian, member number, share fingerprint' }],
    irreversible: null,
  }));
}

/**
 * Combine the collected shares into the old KEK and check it: for a recovery
 * it then unwraps the backup; for a rotation its matching KCV is the quorum's
 * proof (the keys are re-wrapped from the token).
 */
export function rebuildStep(purpose: 'restore' | 'rotate'): PlannedStep {
  const then =
    purpose === 'restore'
      ? 'The KEK is imported into the HSM as a session object for unwrapping, and the shares are wiped from memory.'
      : 'The matching KEK proves that a quorum of the current custodians agrees; it is wiped at once with the shares, since the keys are re-wrapped from the token.';
  return {
    id: 'kek.rebuild',
    action: { type: 'kek.rebuild' },
    title: 'Rebuild the backup key (KEK)',
    instructions: `The collected shares are combined. The rebuilt KEK's key check value must equal the one recorded in the backup and the transcript; if it differs, the ceremony stops and says so. ${then}`,
    creates: [{ kind: 'record', name: 'kek.rebuilt', description: 'the KCV, matched against the recorded one' }],
    irreversible: null,
  };
}

/** Declare the old backup and shares void, after the new set is verified. */
export function voidStep(): PlannedStep {
  return {
    id: 'backup.void',
    action: { type: 'backup.void' },
    title: 'Declare the old backup and shares void',
    instructions:
      'Every new custodian has proven receipt and the new backup has been written and read back. The transcript now declares the old backup and every old share void. The old custodians then destroy their cards and share files as the team\'s procedure says.',
    creates: [{ kind: 'record', name: 'backup.voided', description: 'the old share-set id and backup, declared void' }],
    irreversible: {
      word: 'VOID',
      consequence: 'The old shares and backup stop counting: from now on only the new set can rebuild the backup.',
    },
  };
}
