import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlannedStep } from '../../../shared/script/plan.js';
import { listBundleFiles } from '../../bundle/bundle-writer.js';
import { nodeFileSystem } from '../../bundle/bundle-file-system.js';
import type { TranscriptEvent } from '../../transcript/events.js';
import { CeremonyError } from './ceremony-error.js';
import { SEAL_FILE, TRANSCRIPT_FILE } from './finish-ceremony.js';

/** Files made after the transcript's last line; finishCeremony remakes them when they are unsound. */
const AFTER_CLOSE = new Set([SEAL_FILE, 'transcript.pdf', 'transcript.html', 'SHA256SUMS']);

/** What a step leaves that says it got far enough for its files to stand. */
const OUTCOME: Partial<Record<PlannedStep['action']['type'], string>> = {
  'certificate.sign': 'cert.issued',
  'crl.sign': 'crl.issued',
  'custodian.handoff': 'backup.written',
  // A key export interrupted before key.exported is wrapped again, with new random OAEP padding: its old files go.
  'key.export': 'key.exported',
};

export interface DiscardedFile {
  path: string;
  sha256: string;
  why: string;
}

/**
 * Brings the bundle back to what the transcript vouches for: a file no
 * file.written event names (half-written when the process died), or one
 * written by the interrupted step before its outcome was recorded, or a card
 * of a share set being voided, is removed and reported (path and SHA-256 go
 * into ceremony.resumed). A recorded file that changed since is tampering:
 * the resume stops.
 * @throws CeremonyError RESUME_MISMATCH naming the file.
 */
export async function discardUnvouchedFiles(bundleDir: string, events: readonly TranscriptEvent[], interrupted: PlannedStep | undefined, voidingCards: boolean, closed: boolean): Promise<DiscardedFile[]> {
  const recorded = new Map<string, TranscriptEvent>();
  for (const e of events) if (e.type === 'file.written') recorded.set(String(e.data.path), e);
  const outcome = interrupted && OUTCOME[interrupted.action.type];
  const interruptedKept = outcome === undefined || events.some((e) => e.step === interrupted!.id && e.type === outcome);
  const discarded: DiscardedFile[] = [];
  // Every file is judged before any is removed: a changed file stops the
  // resume with nothing removed, so nothing is removed without its record.
  for (const path of (await listBundleFiles(nodeFileSystem, bundleDir)).sort()) {
    if (path === TRANSCRIPT_FILE || (closed && AFTER_CLOSE.has(path))) continue;
    const bytes = await readFile(join(bundleDir, path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const event = recorded.get(path);
    let why: string | undefined;
    if (!event) why = 'no file.written event names it: it was being written when the ceremony stopped';
    else if (event.data.sha256 !== sha256) {
      throw new CeremonyError('RESUME_MISMATCH', `${path} differs from what the transcript recorded at line ${event.seq + 1} (SHA-256 ${sha256}, recorded ${String(event.data.sha256)}). It was changed after it was written: do not resume; keep the folder as evidence.`);
    } else if (interrupted && event.step === interrupted.id && !interruptedKept) why = `the step ${interrupted.id} that wrote it did not finish; it is done again`;
    else if (voidingCards && path.startsWith('custodians/')) why = 'it carries a share of the voided share set';
    if (!why) continue;
    discarded.push({ path, sha256, why });
  }
  for (const { path } of discarded) await rm(join(bundleDir, path));
  return discarded;
}
