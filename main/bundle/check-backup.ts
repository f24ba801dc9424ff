import { createHash } from 'node:crypto';
import { parseBackup, type BackupFile } from '../custody/backup-file.js';
import type { TranscriptEvent } from '../transcript/events.js';
import type { BundleContents } from './bundle-contents.js';
import type { CheckResult } from './verify-report.js';

const BACKUP = 'backup/backup.json';

/**
 * backup/backup.json (read and checked by main/custody's parseBackup) against
 * the transcript: the ceremony id; the KEK's check value, threshold, share
 * count and share set as backup.written records them; each member's share
 * fingerprint as its share.issued event records it; each key's CKA_ID and
 * SPKI (or secret key's KCV) as its key.generated event records it. A recovery
 * checks shares and keys against exactly these facts, so they must agree.
 */
export async function checkBackup(bundle: BundleContents): Promise<CheckResult> {
  const name = 'backup vs transcript';
  const written = bundle.events.filter((e) => e.type === 'backup.written');
  const bytes = await bundle.read(BACKUP);
  if (!bytes) {
    return written.length
      ? { name, status: 'fail', detail: `The transcript records a backup.written event but ${BACKUP} is missing.` }
      : { name, status: 'skipped', detail: 'This ceremony made no backup.' };
  }
  let backup: BackupFile;
  try {
    backup = parseBackup(bytes);
  } catch (error) {
    return { name, status: 'fail', detail: (error as Error).message };
  }
  const problems = compare(backup, bundle.events, createHash('sha256').update(bytes).digest('hex'));
  if (problems.length) return { name, status: 'fail', detail: `${problems.join('; ')}.` };
  const keys = backup.keys.length;
  return {
    name,
    status: 'pass',
    detail: `KEK check value ${backup.kek.kcv}, ${backup.kek.threshold} of ${backup.kek.shareCount} shares with their fingerprints, and ${keys} key${keys === 1 ? '' : 's'} agree with the transcript.`,
  };
}

function compare(backup: BackupFile, events: TranscriptEvent[], fileSha256: string): string[] {
  const problems: string[] = [];
  const opened = events[0]?.data;
  if (typeof opened?.ceremonyId === 'string' && backup.ceremonyId !== opened.ceremonyId) problems.push(`backup.json is from ceremony ${backup.ceremonyId}, the transcript from ${opened.ceremonyId}`);
  const written = events.filter((e) => e.type === 'backup.written').at(-1)?.data;
  const { kek } = backup;
  if (!written) problems.push('the transcript has no backup.written event');
  else {
    if (written.sha256 !== fileSha256) problems.push(`backup.json's SHA-256 is ${fileSha256}, backup.written recorded ${String(written.sha256)}`);
    if (written.kekKcv !== kek.kcv) problems.push(`the KEK check value is ${kek.kcv} in backup.json, ${String(written.kekKcv)} in the transcript`);
    if (written.shareSetId !== kek.shareSetId) problems.push(`the share set is ${kek.shareSetId} in backup.json, ${String(written.shareSetId)} in the transcript`);
    if (written.threshold !== kek.threshold || written.shareCount !== kek.shareCount) {
      problems.push(`backup.json says ${kek.threshold} of ${kek.shareCount}, the transcript ${String(written.threshold)} of ${String(written.shareCount)}`);
    }
  }
  const listed = new Map(kek.shareFingerprints.map((f) => [f.member, f.fingerprint]));
  // Shares of a set the transcript declares void (a crash lost its KEK; a rotation
  // replaced it) rebuild nothing: they are not compared with backup.json.
  const voided = new Set(events.filter((e) => e.type === 'backup.voided').map((e) => String(e.data.shareSetId)));
  const issued = events.filter((e) => e.type === 'share.issued' && !voided.has(String(e.data.shareSetId)));
  for (const { data } of issued) {
    const member = Number(data.index);
    if (listed.get(member) !== data.fingerprint) problems.push(`member ${member}'s share ${String(data.fingerprint)} was issued but backup.json lists ${listed.get(member) ?? 'no share'} for that member`);
    if (data.shareSetId !== kek.shareSetId) problems.push(`member ${member}'s share belongs to set ${String(data.shareSetId)}, not backup.json's ${kek.shareSetId}`);
  }
  const issuedMembers = new Set(issued.map((e) => Number(e.data.index)));
  const neverIssued = [...listed.keys()].filter((m) => !issuedMembers.has(m));
  if (issued.length && neverIssued.length) problems.push(`backup.json lists shares for members ${neverIssued.join(', ')}, which the transcript never issued`);
  for (const key of backup.keys) {
    // Keys made in an earlier ceremony (a rotation re-wraps them) have no key.generated here.
    const generated = events.filter((e) => e.type === 'key.generated' && e.data.label === key.label).at(-1)?.data;
    if (!generated) continue;
    if (key.id !== generated.id) problems.push(`key ${key.label} has CKA_ID ${key.id} in backup.json, ${String(generated.id)} in the transcript`);
    if (key.class === 'private') {
      const spki = createHash('sha256').update(Buffer.from(key.spki, 'base64')).digest('hex');
      if (spki !== generated.spkiSha256) problems.push(`key ${key.label}'s public key in backup.json is not the one generated (SPKI SHA-256 ${spki}, recorded ${String(generated.spkiSha256)})`);
    } else if (key.kcv !== generated.kcv) {
      problems.push(`key ${key.label}'s check value is ${key.kcv} in backup.json, ${String(generated.kcv)} in the transcript`);
    }
  }
  return problems;
}
