import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBackup, type BackupFile } from '../custody/backup-file.js';
import type { RecoveryExpectation } from '../custody/recovery-intake.js';
import { verifyChain } from '../transcript/chain-verifier.js';
import type { TranscriptEvent } from '../transcript/events.js';

/** What a recovery checks each share against: the bundle's backup and its transcript. */
export interface RecoverySource {
  backup: BackupFile;
  /** Every event of the bundle's transcript, in order. */
  events: TranscriptEvent[];
  /** The share.verified events of the backup's share set: who holds which share. */
  verifiedShares: TranscriptEvent[];
  /** Each share is checked against backup.json's fingerprints and the transcript's. */
  expectation: RecoveryExpectation;
}

/**
 * Reads a bundle's backup.json and transcript for a recovery.
 * @throws CustodyError backup.* for a malformed backup.json; the file system's error when one is missing.
 */
export async function readRecoverySource(bundleDir: string): Promise<RecoverySource> {
  const backup = parseBackup(await readFile(join(bundleDir, 'backup', 'backup.json')));
  const transcript = await readFile(join(bundleDir, 'transcript.jsonl'));
  const scriptSha256 = (JSON.parse(transcript.subarray(0, transcript.indexOf(0x0a)).toString('utf8')) as TranscriptEvent).prev;
  const events: TranscriptEvent[] = [];
  verifyChain(transcript, scriptSha256, { onEvent: (e) => events.push(e) });
  const verifiedShares = events.filter((e) => e.type === 'share.verified' && e.data.shareSetId === backup.kek.shareSetId);
  const expectation: RecoveryExpectation = {
    setId: backup.kek.shareSetId,
    threshold: backup.kek.threshold,
    shareCount: backup.kek.shareCount,
    kcv: backup.kek.kcv,
    fingerprintLists: [
      { source: 'backup.json', fingerprints: backup.kek.shareFingerprints },
      { source: 'the transcript', fingerprints: verifiedShares.map((e) => ({ member: Number(e.data.index), fingerprint: String(e.data.fingerprint) })) },
    ],
    voidedSets: events.filter((e) => e.type === 'backup.voided').map((e) => ({ setId: String(e.data.shareSetId), reason: String(e.data.reason) })),
  };
  return { backup, events, verifiedShares, expectation };
}
