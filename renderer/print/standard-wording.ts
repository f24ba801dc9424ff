/**
 * The fixed wording of the printed documents: ceremony kinds in words, the
 * default signature captions and card instructions. Kept in one place so the
 * screen preview, the app's print and the CLI's PDF say exactly the same.
 */
import type { CardInstructions, PrintParticipant, SignatureBlock } from './print-models.js';

// design/PRODUCT.md, "Ceremonies (script kind)".
const KIND_NAMES: Readonly<Record<string, string>> = {
  'root-key-generation': 'Root key generation',
  'subordinate-signing': 'Subordinate CA signing',
  'crl-signing': 'CRL signing',
  'key-recovery': 'Key recovery',
  'custodian-rotation': 'Custodian rotation',
  'key-export': 'Key export',
  'key-destruction': 'Key destruction',
};

/** A script `kind` in words ("root-key-generation" → "Root key generation"); unknown kinds as given. */
export function ceremonyKindName(kind: string): string {
  return KIND_NAMES[kind] ?? kind;
}

/** The line printed on every page of a rehearsal's documents. */
export const REHEARSAL_NOTICE = 'REHEARSAL — practice run on a throwaway token; not valid for production';

/** One signature block per participant, in the order the script lists them. */
export function signatureBlocksFor(participants: readonly PrintParticipant[]): SignatureBlock[] {
  return participants.map((p) => ({
    name: p.name,
    role: p.role,
    signatureLine: 'Signature',
    dateLine: 'Date (YYYY-MM-DD)',
  }));
}

/**
 * The standard three instructions of a custodian card.
 * @param contact whom a custodian tells when the card is lost, with how to reach them.
 */
export function standardCardInstructions(contact: string): CardInstructions {
  return {
    storage:
      'Keep this card sealed in its envelope, in a safe or a bank deposit box that only you can open. ' +
      'Do not photograph, scan, copy or type these words anywhere.',
    recovery:
      'Bring this card and an official photo ID. The words are typed in the room, in private; ' +
      'the first four letters of each word are enough.',
    ifLost: `Tell ${contact} the same day, even if you only think the card was seen or lost. ` +
      'The share can then be replaced and this one declared void.',
  };
}
