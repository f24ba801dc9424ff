import { createHash } from 'node:crypto';
import type { TranscriptEvent } from '../transcript/events.js';
import { readBackupFacts, type BackupFacts } from './backup-facts.js';
import type { BundleContents } from './bundle-contents.js';
import type { CheckResult } from './verify-report.js';

const BACKUP = 'backup/backup.json';

/**
 * backup/backup.json against the transcript: the KEK's key check value and
 * share set as backup.written records them, the share fingerprints as the
 * share.issued events record them, and each key pair's SPKI (or secret key's
 * KCV) as its key.generated event records it. A recovery checks shares and
 * keys against exactly these facts, so they must agree.
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
  let facts: BackupFacts | string;
  try {
    facts = readBackupFacts(JSON.parse(bytes.toString('utf8')));
  } catch {
    facts = `${BACKUP} is not valid JSON`;
  }
  if (typeof facts === 'string') return { name, status: 'fail', detail: `${facts}.` };
  const problems = compare(facts, bundle.events, createHash('sha256').update(bytes).digest('hex'));
  if (problems.length) return { name, status: 'fail', detail: `${problems.join('; ')}.` };
  const keyCount = facts.keys.length;
  return {
    name,
    status: 'pass',
    detail: `KEK check value ${facts.kek.kcv}, ${facts.kek.shareFingerprints.length} share fingerprints and ${keyCount} key${keyCount === 1 ? '' : 's'} agree with the transcript.`,
  };
}

function compare(backup: BackupFacts, events: TranscriptEvent[], fileSha256: string): string[] {
  const problems: string[] = [];
  const opened = events[0]?.data;
  if (backup.ceremonyId !== undefined && typeof opened?.ceremonyId === 'string' && backup.ceremonyId !== opened.ceremonyId) {
    problems.push(`backup.json is from ceremony ${backup.ceremonyId}, the transcript from ${opened.ceremonyId}`);
  }
  const written = events.filter((e) => e.type === 'backup.written').at(-1)?.data;
  if (!written) problems.push('the transcript has no backup.written event');
  else {
    if (written.sha256 !== fileSha256) problems.push(`backup.json's SHA-256 is ${fileSha256}, backup.written recorded ${String(written.sha256)}`);
    if (String(written.kekKcv).toLowerCase() !== backup.kek.kcv) problems.push(`the KEK check value is ${backup.kek.kcv} in backup.json, ${String(written.kekKcv)} in the transcript`);
    if (written.shareSetId !== backup.kek.shareSetId) problems.push(`the share set is ${backup.kek.shareSetId} in backup.json, ${String(written.shareSetId)} in the transcript`);
    if (written.threshold !== backup.kek.threshold || written.shares !== backup.kek.shares) {
      problems.push(`backup.json says ${backup.kek.threshold} of ${backup.kek.shares}, the transcript ${String(written.threshold)} of ${String(written.shares)}`);
    }
  }
  const issued = events.filter((e) => e.type === 'share.issued').map((e) => String(e.data.fingerprint).toLowerCase());
  const listed = new Set(backup.kek.shareFingerprints);
  const unlisted = issued.filter((f) => !listed.has(f));
  const unissued = [...listed].filter((f) => !issued.includes(f));
  if (unlisted.length) problems.push(`shares ${unlisted.join(', ')} were issued but are not in backup.json`);
  if (unissued.length) problems.push(`backup.json lists shares ${unissued.join(', ')} that the transcript never issued`);
  for (const key of backup.keys) {
    const generated = events.filter((e) => e.type === 'key.generated' && e.data.label === key.label).at(-1)?.data;
    // Keys made in an earlier ceremony (a rotation re-wraps them) have no key.generated here.
    if (!generated) continue;
    if (key.id !== undefined && typeof generated.id === 'string' && key.id.toLowerCase() !== generated.id.toLowerCase()) problems.push(`key ${key.label} has CKA_ID ${key.id} in backup.json, ${generated.id} in the transcript`);
    if (typeof generated.spkiSha256 === 'string') {
      const spki = key.spki === undefined ? undefined : createHash('sha256').update(Buffer.from(key.spki, 'base64')).digest('hex');
      if (spki !== generated.spkiSha256) problems.push(`key ${key.label}'s public key in backup.json is not the one generated (SPKI SHA-256 ${spki ?? 'absent'}, recorded ${generated.spkiSha256})`);
    }
    if (typeof generated.kcv === 'string' && key.kcv !== generated.kcv.toLowerCase()) problems.push(`key ${key.label}'s check value is ${key.kcv ?? 'absent'} in backup.json, ${generated.kcv} in the transcript`);
  }
  return problems;
}
