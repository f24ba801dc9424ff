import type { CustodianCardModel } from '../../../renderer/print/print-models.js';
import { standardCardInstructions } from '../../../renderer/print/standard-wording.js';
import { CustodyError } from '../../custody/custody-error.js';
import { serializeBackup, BACKUP_FORMAT, WRAP_MECHANISM, PRIVATE_KEY_USAGE, SECRET_KEY_USAGE, type BackupFile } from '../../custody/backup-file.js';
import { checkHandOffReceipt } from '../../custody/hand-off-receipt.js';
import { shareQrSvg } from '../../custody/share-qr.js';
import { shareToWords } from '../../custody/share-words.js';
import type { PlannedStep } from '../../../shared/script/plan.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import { ShowShareAgain } from '../runner/ceremony-host.js';
import type { ShareInHand } from '../runner/ceremony-state.js';
import type { RunContext } from '../runner/run-context.js';
import { backupSection, requireBackup } from './backup-steps.js';
import { custodianSlug } from './custodian-slug.js';
import { paperCardPrinter } from './card-printing.js';
import { handOutSealedShareFile } from './sealed-share-handout.js';
import type { StepExecutor } from './step-executor.js';

/** How many times a custodian may re-enter a share before the witness must step in. */
const RECEIPT_TRIES = 5;

/**
 * One custodian's hand-off, in privacy: the share is shown (words and QR),
 * the card printed, the share hidden, and the custodian proves receipt by
 * re-entering it; they may ask to see it again instead, which the witness
 * approves and the transcript records. Only then is share.verified recorded.
 * When the script asks for sealed share files, the custodian then chooses a
 * passphrase and the share is written, sealed, to their USB stick. After the
 * last custodian, the backup file is written: the backup exists only once
 * every share of its KEK is known to be held.
 */
export const custodianHandoffStep: StepExecutor<'custodian.handoff'> = async (ctx, step) => {
  const backup = requireBackup(ctx);
  const share = backup.shares[step.action.member - 1];
  if (!share || share.custodian !== step.action.custodian) throw new CeremonyError('STEP_FAILED', `No share for member ${step.action.member} (${step.action.custodian}) in this run.`);
  const { envelope, fingerprint } = share;
  await ctx.record('share.issued', step, ctx.administrator, { custodian: share.custodian, index: envelope.member, fingerprint, shareSetId: envelope.setId, threshold: envelope.threshold, shares: envelope.shareCount });
  await presentShare(ctx, step.id, share, true);
  await takeReceipt(ctx, step, share);
  await ctx.record('share.verified', step, share.custodian, { custodian: share.custodian, index: envelope.member, fingerprint, shareSetId: envelope.setId });
  if (backupSection(ctx).sealedShareFiles) await handOutSealedShareFile(ctx, step, share);
  backup.verified.add(envelope.member);
  envelope.share.fill(0);
  if (backup.verified.size === backup.shares.length) await writeBackup(ctx, step.id);
};

/**
 * Shows the share to its custodian (words and QR); the first time, its card
 * is written too. Where the run prints to paper (the app), the room may send
 * the card to a printer while the share is shown.
 */
async function presentShare(ctx: RunContext, stepId: string, share: ShareInHand, firstTime: boolean): Promise<void> {
  const { envelope, fingerprint } = share;
  const words = shareToWords(envelope);
  try {
    const qrSvg = await shareQrSvg(envelope);
    if (firstTime) await writeCard(ctx, share, words, qrSvg);
    const toPaper = paperCardPrinter(ctx.printer);
    const actions = toPaper ? { printCard: () => toPaper(cardModel(ctx, share, words, qrSvg)) } : {};
    await ctx.host.presentShare({
      step: stepId,
      custodian: share.custodian,
      member: envelope.member,
      of: envelope.shareCount,
      threshold: envelope.threshold,
      words,
      qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg, 'utf8').toString('base64')}`,
      fingerprint,
    }, actions);
  } finally {
    words.fill('');
  }
}

async function takeReceipt(ctx: RunContext, step: PlannedStep, share: ShareInHand): Promise<void> {
  let problem: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const base = { step: step.id, custodian: share.custodian, received: 0, needed: 1, showAgain: true };
    let typed: Uint8Array;
    try {
      typed = await ctx.host.takeShare(problem === undefined ? base : { ...base, problem });
    } catch (error) {
      if (!(error instanceof ShowShareAgain)) throw error;
      await approveShowingAgain(ctx, step, share, error.reason);
      await presentShare(ctx, step.id, share, false);
      attempt = 0;
      problem = undefined;
      continue;
    }
    try {
      await checkHandOffReceipt(share.envelope, { kind: 'words', words: typed });
      return;
    } catch (error) {
      if (!(error instanceof CustodyError) || attempt >= RECEIPT_TRIES) {
        if (error instanceof CustodyError) throw new CeremonyError('RECEIPT_FAILED', `${share.custodian} could not re-enter the share after ${RECEIPT_TRIES} tries (${error.message}). Record a deviation and resume; at the re-entry, ask to see the share again with the witness's approval.`);
        throw error;
      }
      const left = RECEIPT_TRIES - attempt;
      problem = `${error.message} ${left === 1 ? 'One try left' : `${left} tries left`}; or ask to see the share again, with the witness's approval.`;
    } finally {
      typed.fill(0);
    }
  }
}

/**
 * PRODUCT.md: no share is shown twice unless the witness approves and the
 * transcript records it. The witness's acknowledgement is the approval; the
 * event names the custodian, the share (member, fingerprint) and the reason.
 */
async function approveShowingAgain(ctx: RunContext, step: PlannedStep, share: ShareInHand, reason: string): Promise<void> {
  const { envelope, fingerprint, custodian } = share;
  const what = `Share ${envelope.member} of ${envelope.shareCount} shown again to ${custodian}`;
  await ctx.host.acknowledge({
    step: step.id,
    title: `Show ${custodian}'s share again`,
    detail: `${custodian} asks to see share ${envelope.member} (fingerprint ${fingerprint}) again. Reason given: "${reason}". ${ctx.witness}, approve only if the room is still private to ${custodian}. The transcript records your approval and the reason.`,
    actor: ctx.witness,
    approval: 'show-share-again',
  });
  for (const deviation of ctx.host.takeDeviations?.() ?? []) await ctx.record('deviation.recorded', step, deviation.recordedBy, deviation);
  await ctx.record('witness.acknowledged', step, ctx.witness, { witness: ctx.witness, what, record: 'share.shown-again', custodian, index: envelope.member, fingerprint, shareSetId: envelope.setId, approvedBy: ctx.witness, reason });
}

async function writeCard(ctx: RunContext, share: ShareInHand, words: string[], qrSvg: string): Promise<void> {
  if (!ctx.room.rehearsal && !backupSection(ctx).cardsInBundle) return;
  const printed = await ctx.printer.card(cardModel(ctx, share, words, qrSvg));
  try {
    await ctx.bundle.writeFile(`custodians/${String(share.envelope.member).padStart(3, '0')}-${custodianSlug(share.custodian)}.${printed.extension}`, printed.bytes);
  } finally {
    printed.bytes.fill(0);
  }
}

/** The custodian card of a share: what is written to the bundle and what goes to paper. */
function cardModel(ctx: RunContext, share: ShareInHand, words: string[], qrSvg: string): CustodianCardModel {
  const { envelope } = share;
  return {
    ceremonyId: ctx.script.id,
    ceremonyDate: ctx.now().toISOString().slice(0, 10),
    custodianName: share.custodian,
    memberIndex: envelope.member,
    memberCount: envelope.shareCount,
    threshold: envelope.threshold,
    words,
    qrSvg,
    shareFingerprint: share.fingerprint,
    instructions: standardCardInstructions(`${ctx.administrator} (the ceremony's administrator)`),
    rehearsal: ctx.room.rehearsal,
  };
}

async function writeBackup(ctx: RunContext, stepId: string): Promise<void> {
  const backup = requireBackup(ctx);
  const section = backupSection(ctx);
  const document: BackupFile = {
    format: BACKUP_FORMAT,
    ceremonyId: ctx.script.id,
    kek: {
      kcv: backup.kcv,
      threshold: section.threshold,
      shareCount: section.custodians.length,
      shareSetId: backup.shareSetId,
      shareFingerprints: backup.shares.map((s) => ({ member: s.envelope.member, fingerprint: s.fingerprint })),
    },
    wrapMechanism: WRAP_MECHANISM,
    keys: backup.wrapped.map(({ info, wrapped }) =>
      'kcv' in info
        ? { label: info.label, id: info.id, class: 'secret' as const, type: info.type, kcv: info.kcv, attributes: { token: true as const, private: true as const, sensitive: true as const, extractable: info.extractable, usage: [...SECRET_KEY_USAGE] }, wrapped: Buffer.from(wrapped).toString('base64') }
        : { label: info.label, id: info.id, class: 'private' as const, type: info.type, spki: Buffer.from(info.spki).toString('base64'), attributes: { token: true as const, private: true as const, sensitive: true as const, extractable: info.extractable, usage: [...PRIVATE_KEY_USAGE] }, wrapped: Buffer.from(wrapped).toString('base64') },
    ),
  };
  const file = await ctx.bundle.writeFile('backup/backup.json', serializeBackup(document));
  await ctx.record('backup.written', stepId, 'system', { path: file.path, sha256: file.sha256, kekKcv: backup.kcv, shareSetId: backup.shareSetId, threshold: section.threshold, shareCount: section.custodians.length, keys: document.keys.map((k) => k.label) });
  backup.kek.fill(0);
}

