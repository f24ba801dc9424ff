import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HsmSession } from '../../hsm/hsm-session.js';
import type { TranscriptEvent } from '../../transcript/events.js';
import { CeremonyError } from './ceremony-error.js';
import type { CeremonyState } from './ceremony-state.js';

/**
 * Rebuilds what earlier runs made from the transcript, checking each against
 * the HSM and the bundle: every key the transcript says was generated must be
 * on the token with the same CKA_ID and SPKI (or KCV); every certificate it
 * says was issued must be in the bundle with the recorded SHA-256. Any
 * difference stops the resume and says exactly what differs. `discarded`:
 * the files this resume removed (discardUnvouchedFiles); with those an
 * earlier resume removed, their file.written events no longer vouch for anything.
 * @throws CeremonyError RESUME_MISMATCH.
 */
export async function restoreState(state: CeremonyState, events: readonly TranscriptEvent[], session: HsmSession, bundleDir: string, discarded: ReadonlySet<string> = new Set()): Promise<void> {
  const standing = standingFileEvents(events, discarded);
  for (const event of events) {
    if (event.type === 'key.generated') {
      const data = event.data as { name?: string; label: string; id: string; spkiSha256?: string; kcv?: string };
      const where = `the key.generated event at line ${event.seq + 1}`;
      const found = data.kcv !== undefined ? await session.findSecretKey(data.label) : await session.findKeyPair(data.label);
      if (!found) throw mismatch(`The token "${session.token.label}" no longer holds "${data.label}" (CKA_ID ${data.id}), which ${where} records. It was deleted or this is another token.`);
      const same = found.id === data.id && ('kcv' in found ? found.kcv === data.kcv : found.spkiSha256 === data.spkiSha256);
      if (!same) {
        const now = 'kcv' in found ? `KCV ${found.kcv}` : `SPKI SHA-256 ${found.spkiSha256}`;
        const then = data.kcv !== undefined ? `KCV ${data.kcv}` : `SPKI SHA-256 ${data.spkiSha256}`;
        throw mismatch(`"${data.label}" on token "${session.token.label}" is not the key ${where} records: CKA_ID ${found.id} and ${now} now, CKA_ID ${data.id} and ${then} then.`);
      }
      state.keys.set(data.name ?? data.label, found);
    } else if (event.type === 'cert.issued') {
      const name = String(event.data.name);
      const der = new Uint8Array(await readFile(join(bundleDir, 'certs', `${name}.der`)).catch(() => Buffer.alloc(0)));
      const sha256 = createHash('sha256').update(der).digest('hex');
      if (sha256 !== event.data.sha256) throw mismatch(`certs/${name}.der is missing or differs from the certificate the cert.issued event at line ${event.seq + 1} records.`);
      state.certificates.set(name, der);
    } else if (event.type === 'file.written' && /^certs\/[^/]+\.der$/.test(String(event.data.path)) && standing.has(event.seq)) {
      // Certificates this ceremony uses but did not issue (copied from the source
      // bundle). Not one a resume removed: the interrupted step wrote it before
      // its cert.issued, and signs it again.
      const path = String(event.data.path);
      state.certificates.set(path.slice('certs/'.length, -'.der'.length), new Uint8Array(await readFile(join(bundleDir, path))));
    }
  }
}

/**
 * The seqs of the file.written events that still vouch for a file: the last
 * one for each path, unless a resume removed that file since (listed in a
 * later ceremony.resumed, or by this resume in `discarded`) — the last word
 * on a path counts, as `conclave verify` reads it (check-events-files.ts).
 */
function standingFileEvents(events: readonly TranscriptEvent[], discarded: ReadonlySet<string>): Set<number> {
  const last = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'file.written') last.set(String(event.data.path), event.seq);
    else if (event.type === 'ceremony.resumed' && Array.isArray(event.data.discardedFiles)) {
      for (const file of event.data.discardedFiles) last.delete(String((file as { path?: unknown }).path));
    }
  }
  for (const path of discarded) last.delete(path);
  return new Set(last.values());
}

/** Serial numbers already used by this ceremony, to reserve so none is issued twice. */
export function recordedSerials(events: readonly TranscriptEvent[]): Uint8Array[] {
  return events.filter((e) => e.type === 'cert.issued').map((e) => new Uint8Array(Buffer.from(String(e.data.serial), 'hex')));
}

function mismatch(message: string): CeremonyError {
  return new CeremonyError('RESUME_MISMATCH', `${message} The HSM and the transcript disagree, so the ceremony cannot go on safely: nothing was generated or signed, and only this attempt to resume is in the transcript. Keep the bundle as evidence and investigate.`);
}
