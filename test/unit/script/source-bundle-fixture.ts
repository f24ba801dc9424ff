import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A directory shaped like an evidence bundle: the files a later ceremony's
 * script names, empty. The loader only checks that they exist; what is in
 * them is verified by the runner's source.verify step.
 */
export function makeSourceBundleFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-source-'));
  for (const file of ['SHA256SUMS', 'transcript.jsonl', 'transcript.jsonl.p7s', 'certs/root.pem', 'certs/audit.pem', 'crls/root.crl', 'backup/backup.json']) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '');
  }
  return dir;
}
