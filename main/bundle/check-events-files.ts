import { createHash, createPublicKey } from 'node:crypto';
import type { BundleContents } from './bundle-contents.js';
import type { CheckResult } from './verify-report.js';

/**
 * The transcript and the files agree: every file.written event's SHA-256 is
 * the file's now; every cert.issued / crl.issued names a file with the hash
 * it records; every key.generated key pair has its keys/<label>.spki.pem with
 * the SPKI hash it records.
 */
export async function checkEventsAgainstFiles(bundle: BundleContents): Promise<CheckResult> {
  const name = 'events vs files';
  const problems: string[] = [];
  let checked = 0;
  const expect = async (path: string, sha256: unknown, what: string) => {
    checked++;
    const actual = await bundle.sha256(path);
    if (actual === undefined) problems.push(`${path} (${what}) is missing`);
    else if (actual !== sha256) problems.push(`${path} differs from ${what} (SHA-256 ${actual}, recorded ${String(sha256)})`);
  };
  // A resume discards the files an interrupted step wrote without finishing
  // (ceremony.resumed lists them with their hashes); the step then writes them
  // anew. The last word on a path is what counts.
  const written = new Map<string, { sha256: unknown; at: string }>();
  for (const { seq, type, data } of bundle.events) {
    const at = `the ${type} event at seq ${seq}`;
    if (type === 'file.written') written.set(String(data.path), { sha256: data.sha256, at });
    else if (type === 'ceremony.resumed' && Array.isArray(data.discardedFiles)) {
      for (const discarded of data.discardedFiles) written.delete(String((discarded as { path?: unknown }).path));
    } else if (type === 'cert.issued') await expect(`certs/${String(data.name)}.der`, data.sha256, at);
    else if (type === 'crl.issued') await expect(`crls/${String(data.name)}.crl`, data.sha256, at);
    else if (type === 'key.generated' && typeof data.spkiSha256 === 'string') {
      checked++;
      const path = `keys/${String(data.label)}.spki.pem`;
      const spki = spkiSha256(await bundle.read(path));
      if (spki === undefined) problems.push(`${path} (${at}) is missing or not a public key`);
      else if (spki !== data.spkiSha256) problems.push(`${path} is not the key of ${at} (SPKI SHA-256 ${spki}, recorded ${data.spkiSha256})`);
    }
  }
  for (const [path, { sha256, at }] of written) await expect(path, sha256, at);
  const scope = bundle.chain?.ok ? '' : ' (events before the first bad transcript line only)';
  if (problems.length) return { name, status: 'fail', detail: `${problems.join('; ')}${scope}.` };
  if (!checked) return { name, status: 'skipped', detail: `The transcript names no file${scope}.` };
  return { name, status: 'pass', detail: `${checked} files named by the transcript match it${scope}.` };
}

function spkiSha256(pem: Buffer | undefined): string | undefined {
  if (!pem) return undefined;
  try {
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('hex');
  } catch {
    return undefined;
  }
}
