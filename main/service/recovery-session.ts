import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecoveryOutcome, RecoveryProgress } from '../../shared/ipc/recovery-channels.js';
import { verifyBundle } from '../bundle/verify-bundle.js';
import type { BackupFile } from '../custody/backup-file.js';
import { RecoveryIntake } from '../custody/recovery-intake.js';
import { restoreBackup } from '../custody/key-restore.js';
import { defaultModulePath } from '../hsm/default-module.js';
import { Hsm } from '../hsm/hsm.js';
import { readRecoverySource } from '../ceremony/recovery-source.js';
import type { PracticeRooms } from './practice-rooms.js';
import { encodeShareWords } from './share-words.js';
import { shareToWords } from '../custody/share-words.js';

/** The practice token a rehearsal's backup is restored into. */
export const DRILL_TOKEN = 'conclave-recovery-drill';

/** Why a recovery cannot start or go on. */
export class RecoveryRequestError extends Error {
  override readonly name = 'RecoveryRequestError';

  constructor(
    readonly code: 'recovery.not-open' | 'recovery.bundle-failed' | 'recovery.no-backup' | 'recovery.real-ceremony' | 'recovery.file-unreadable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * One recovery from the recovery screen: the backup of a verified bundle, the
 * shares brought back one at a time through the same intake a key-recovery
 * ceremony uses (each checked on entry against backup.json and the sealed
 * transcript's share.verified fingerprints), then the KEK rebuilt, its KCV
 * checked, and the backup restored into a fresh throwaway token where every
 * key is proven. Shares live in the intake, zeroed when the recovery ends.
 */
export class RecoverySession {
  private constructor(
    private readonly progress: RecoveryProgress,
    private readonly backup: BackupFile,
    private readonly intake: RecoveryIntake,
  ) {}

  /**
   * Verifies the bundle and reads what its backup expects.
   * @throws RecoveryRequestError recovery.bundle-failed, recovery.no-backup; CustodyError backup.* for a malformed backup.json.
   */
  static async open(bundleDir: string): Promise<RecoverySession> {
    const report = await verifyBundle(bundleDir);
    if (report.verdict !== 'verified') {
      const failed = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped').map((c) => `${c.name}: ${c.detail}`);
      throw new RecoveryRequestError('recovery.bundle-failed', `The bundle in ${bundleDir} does not verify (${failed.slice(0, 3).join('; ')}). Shares are only brought back against a bundle that verifies.`);
    }
    const backupBytes = await readFile(join(bundleDir, 'backup', 'backup.json')).catch(() => undefined);
    if (!backupBytes) throw new RecoveryRequestError('recovery.no-backup', `The bundle in ${bundleDir} holds no backup (backup/backup.json): nothing to recover.`);
    const { backup, events, verifiedShares: verified, expectation } = await readRecoverySource(bundleDir);
    const opened = events[0]!.data as { title?: string; rehearsal?: boolean };
    const intake = new RecoveryIntake(expectation);
    return new RecoverySession(
      {
        bundleDir,
        ceremonyId: backup.ceremonyId,
        title: opened.title ?? backup.ceremonyId,
        rehearsal: opened.rehearsal === true,
        threshold: backup.kek.threshold,
        shareCount: backup.kek.shareCount,
        kcv: backup.kek.kcv,
        custodians: verified.map((e) => ({ member: Number(e.data.index), name: String(e.data.custodian) })),
        accepted: [],
        wordCount: shareWordCount(backup),
      },
      backup,
      intake,
    );
  }

  /** Where the recovery stands: public facts only. */
  state(): RecoveryProgress {
    return structuredClone(this.progress);
  }

  /**
   * Checks one share as typed and keeps it if it passes; its bytes are zeroed here.
   * @throws CustodyError share.* naming what is wrong (a word's position, another ceremony's share, a duplicate).
   */
  async offer(words: readonly string[]): Promise<RecoveryProgress> {
    const bytes = encodeShareWords(words);
    try {
      return this.accept(await this.intake.offer({ kind: 'words', words: bytes }));
    } finally {
      bytes.fill(0);
    }
  }

  /**
   * Opens a custodian's sealed share file with their passphrase and checks
   * the share in it like a typed one; the file's bytes and the passphrase are
   * zeroed here.
   * @throws RecoveryRequestError recovery.file-unreadable; CustodyError sealed.wrong-passphrase, sealed.malformed, share.* as for typed words.
   */
  async offerSealedFile(path: string, passphrase: string): Promise<RecoveryProgress> {
    const file = await readSealedFile(path);
    const secret = new TextEncoder().encode(passphrase);
    try {
      return this.accept(await this.intake.offer({ kind: 'sealed-file', file, passphrase: secret }));
    } finally {
      file.fill(0);
      secret.fill(0);
    }
  }

  private accept(accepted: { member: number; fingerprint: string }): RecoveryProgress {
    const custodian = this.progress.custodians.find((c) => c.member === accepted.member)?.name ?? `member ${accepted.member}`;
    this.progress.accepted.push({ member: accepted.member, custodian, fingerprint: accepted.fingerprint });
    return this.state();
  }

  /**
   * Rebuilds the KEK, checks its KCV and restores the backup into a fresh practice token, proving every key.
   * @throws RecoveryRequestError recovery.real-ceremony for a real bundle; CustodyError share.too-few, kek.kcv-mismatch, backup.*.
   */
  async restore(practice: PracticeRooms): Promise<RecoveryOutcome> {
    if (!this.progress.rehearsal) {
      throw new RecoveryRequestError('recovery.real-ceremony', 'A real backup is restored in a key-recovery ceremony, with its script reviewed and its own transcript: open that script. This screen restores rehearsal bundles into a throwaway token.');
    }
    const rebuilt = await this.intake.rebuildKek();
    const store = practice.open([DRILL_TOKEN]);
    const target = store.tokens[0]!;
    const hsm = await Hsm.open({ modulePath: defaultModulePath() });
    try {
      const session = await hsm.openSession({ label: target.label });
      try {
        await session.login(target.pin);
        const proofs = await restoreBackup(session, this.backup, rebuilt.kek);
        return {
          token: target.label,
          members: rebuilt.usedMembers,
          kcv: rebuilt.kcv,
          keys: proofs.map((p) => ({ label: p.label, class: p.class, id: p.id, spkiSha256: p.spkiSha256 ?? null, kcv: p.kcv ?? null, proof: p.proof })),
        };
      } finally {
        await session.logout().catch(() => undefined);
        await session.close();
      }
    } finally {
      rebuilt.kek.fill(0);
      this.intake.discard();
      await hsm.close();
      practice.remove(store.conf);
    }
  }

  /** Zeroes every share held. */
  discard(): void {
    this.intake.discard();
  }
}

/** The words of any share of this backup: a share is one byte longer than the 32-byte KEK, so every share has as many. */
function shareWordCount(backup: BackupFile): number {
  const blank = new Uint8Array(33);
  blank[32] = 1;
  return shareToWords({ setId: backup.kek.shareSetId, member: 1, threshold: backup.kek.threshold, shareCount: backup.kek.shareCount, share: blank }).length;
}

/** A sealed share file is a few hundred bytes of JSON; anything much larger is not one. */
const SEALED_FILE_MAX_BYTES = 64 * 1024;

async function readSealedFile(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const why = code === 'ENOENT' ? 'there is no such file (is the USB stick plugged in, and the path complete?)' : code === 'EISDIR' ? 'it is a folder; give the .sealed.json file inside it' : `it cannot be read (${code})`;
    throw new RecoveryRequestError('recovery.file-unreadable', `The sealed share file ${path} could not be opened: ${why}.`);
  }
  if (bytes.length > SEALED_FILE_MAX_BYTES) {
    bytes.fill(0);
    throw new RecoveryRequestError('recovery.file-unreadable', `${path} is ${bytes.length} bytes: not a sealed share file (those are a few hundred bytes). Choose the custodian's .sealed.json file.`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
