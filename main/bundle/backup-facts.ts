import { CustodyError } from '../custody/custody-error.js';
import { parseBackup, type BackupFile } from '../custody/backup-file.js';
/**
 * The public facts of backup/backup.json that `conclave verify` compares
 * with the transcript (design/FORMATS.md, "Backup"). Only these fields are
 * read; the wrapped bytes are never interpreted here.
 */
export interface BackupFacts {
  format: string;
  ceremonyId: string | undefined;
  kek: {
    kcv: string | undefined;
    threshold: number | undefined;
    shares: number | undefined;
    shareSetId: string | undefined;
    shareFingerprints: string[];
  };
  keys: { label: string; id: string | undefined; spki: string | undefined; kcv: string | undefined }[];
}

/**
 * Reads the facts from a parsed backup.json. The format is the custody
 * layer's (main/custody/backup-file.ts, docs/formats.md "Backup"): one
 * definition, so verify and the writer can never drift apart.
 * Returns a sentence saying what is wrong when the document is not that.
 */
export function readBackupFacts(json: unknown): BackupFacts | string {
  let backup: BackupFile;
  try {
    backup = parseBackup(JSON.stringify(json));
  } catch (error) {
    return error instanceof CustodyError ? error.message : `backup.json cannot be read: ${String(error)}`;
  }
  return {
    format: backup.format,
    ceremonyId: backup.ceremonyId,
    kek: {
      kcv: backup.kek.kcv,
      threshold: backup.kek.threshold,
      shares: backup.kek.shareCount,
      shareSetId: backup.kek.shareSetId,
      shareFingerprints: backup.kek.shareFingerprints.map((f) => f.fingerprint),
    },
    keys: backup.keys.map((k) => ({ label: k.label, id: k.id, spki: k.class === 'private' ? k.spki : undefined, kcv: k.class === 'secret' ? k.kcv : undefined })),
  };
}
