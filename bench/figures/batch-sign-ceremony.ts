import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { PracticeRoom } from '../../main/ceremony/rehearsal/practice-room.js';
import { EXAMPLE_ROOT_SCRIPT } from '../../main/ceremony/rehearsal/rehearse.js';

const SUBORDINATE_EXAMPLE = fileURLToPath(new URL('../../examples/subordinate-signing.yaml', import.meta.url));

/**
 * The per-certificate wall time of a subordinate-signing ceremony, as the
 * runner walks it on a practice token: each certificate's review and
 * type-to-confirm answered by the practice host, its events fsynced into the
 * transcript, its .pem/.der written durably into the bundle. Measured as the
 * difference between a ceremony of `count` certificates and one of a single
 * certificate on the same practice root, divided by count − 1, so the fixed
 * part (pre-flight, the issuer check, the CRL, the seal) drops out.
 * `csrs` are PEM requests, cycled through.
 */
export async function ceremonyMsPerCertificate(csrs: string[], count: number): Promise<{ msPerCertificate: number; oneMs: number; manyMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-bench-batch-ceremony-'));
  const saved = process.env.CONCLAVE_CHROMIUM;
  process.env.CONCLAVE_CHROMIUM = join(dir, 'no-chromium');
  const room = PracticeRoom.open(['acme-root']);
  try {
    const csrDir = join(dir, 'csr');
    mkdirSync(csrDir);
    csrs.forEach((pem, i) => writeFileSync(join(csrDir, `${i}.csr.pem`), pem));
    const source = join(dir, 'root');
    const root = await room.ceremony(EXAMPLE_ROOT_SCRIPT, source, { tokenLabel: 'acme-root' });
    for (const medium of root.media) rmSync(medium, { recursive: true, force: true });
    const timed = async (n: number): Promise<number> => {
      const script = join(dir, `batch-${n}.yaml`);
      writeFileSync(script, batchScript(n, csrDir, csrs.length));
      const start = performance.now();
      const run = await room.ceremony(script, join(dir, `bundle-${n}`), { source });
      const ms = performance.now() - start;
      for (const medium of run.media) rmSync(medium, { recursive: true, force: true });
      return ms;
    };
    // Serial numbers and labels differ per run, so both go on the same token.
    const oneMs = await timed(1);
    const manyMs = await timed(count);
    return { msPerCertificate: (manyMs - oneMs) / (count - 1), oneMs, manyMs };
  } finally {
    room.close();
    if (saved === undefined) delete process.env.CONCLAVE_CHROMIUM;
    else process.env.CONCLAVE_CHROMIUM = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The example subordinate-signing script with `n` tls-subordinate-ca certificates from the requests in `csrDir`. */
function batchScript(n: number, csrDir: string, csrCount: number): string {
  const script = parse(readFileSync(SUBORDINATE_EXAMPLE, 'utf8')) as { certificates: Record<string, unknown>[]; instructions?: unknown; source?: unknown };
  const template = script.certificates[0]!;
  script.certificates = Array.from({ length: n }, (_, i) => ({
    ...template,
    name: `batch-ca-${i}`,
    csr: join(csrDir, `${i % csrCount}.csr.pem`),
    subject: [{ C: 'DE' }, { O: 'Conclave Bench' }, { CN: `Bench Issuing CA ${i}` }],
  }));
  delete script.instructions;
  // No YAML aliases for the repeated lists: the script loader rightly refuses a file full of them.
  return stringify(script, { aliasDuplicateObjects: false });
}

/** A PEM CSR made by openssl for a fresh P-256 key. */
export function opensslCsr(dir: string, i: number): string {
  execFileSync('openssl', ['req', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', join(dir, `${i}.key`), '-out', join(dir, `${i}.csr`), '-subj', `/CN=Requester ${i}`], { stdio: 'pipe' });
  return readFileSync(join(dir, `${i}.csr`), 'utf8');
}
