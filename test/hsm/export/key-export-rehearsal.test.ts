import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SoftwareDestination } from './software-destination.js';

// The key-export ceremony end to end through `conclave rehearse`: a practice
// root first, then the exports on the same throwaway token, then verify. With
// transport keys whose private halves this test holds, the exported files are
// unwrapped by openssl and must give the master key the root ceremony made.

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'examples/key-export.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'conclave-export-rehearsal-'));
const destinations: SoftwareDestination[] = [];

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const d of destinations) d.remove();
});

interface Event {
  type: string;
  step: string;
  data: Record<string, unknown>;
}

/** The CLI as a person runs it; its practice tokens, root bundle and USB folders go under `scratch` (TMPDIR) and go with it. */
function conclave(...args: string[]): { status: number; stdout: string; stderr: string } {
  const run = spawnSync('node', ['main/cli/conclave.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOFTHSM2_CONF: '', TMPDIR: scratch } });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const events = (bundle: string): Event[] => readFileSync(join(bundle, 'transcript.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Event);
const sourceOf = (stdout: string): string => /Practice root bundle it builds on: (.+)/.exec(stdout)![1]!.trim();
const masterKcv = (source: string): string => events(source).find((e) => e.type === 'key.generated' && e.data.label === 'acme-example-master-2026')!.data.kcv as string;

/** The example script with its transport keys (and AWS token) replaced by files in `dir`. */
function scriptWith(dir: string, transport: Record<string, string>, importToken = join(ROOT, 'examples/transport/aws-import-token.bin')): string {
  let text = readFileSync(EXAMPLE, 'utf8');
  for (const name of ['hsm-transport.pem', 'aws-wrapping-key.der', 'gcp-import-job.pem', 'azure-kek.pem']) text = text.replace(`transport/${name}`, transport[name] ?? join(ROOT, 'examples/transport', name));
  text = text.replace('transport/aws-import-token.bin', importToken);
  const path = join(dir, 'key-export.yaml');
  writeFileSync(path, text);
  return path;
}

describe('conclave rehearse --script examples/key-export.yaml', () => {
  const out = join(scratch, 'example');
  let run: { status: number; stdout: string; stderr: string };

  it('rehearses to a bundle that conclave verify and sha256sum accept', { timeout: 300_000 }, () => {
    run = conclave('rehearse', '--script', EXAMPLE, '--out', out);
    expect(run.stderr + run.stdout).toContain('REHEARSAL PASSED');
    expect(run.status).toBe(0);
    expect(conclave('verify', out).status).toBe(0);
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out }).toString()).toBe('');
  });

  it('records each export with the master key\'s KCV from the root ceremony and the hashes of the files it wrote', () => {
    const exported = events(out).filter((e) => e.type === 'key.exported');
    expect(exported.map((e) => e.data.name)).toEqual(['production-hsm', 'aws', 'gcp', 'azure']);
    const kcv = masterKcv(sourceOf(run.stdout));
    for (const e of exported) {
      expect(e.data.kcv).toBe(kcv);
      for (const file of e.data.files as { path: string; sha256: string }[]) {
        expect(createHash('sha256').update(readFileSync(join(out, file.path))).digest('hex')).toBe(file.sha256);
      }
    }
    expect(readdirSync(join(out, 'exports', 'aws')).sort()).toEqual(['EncryptedKeyMaterial.bin', 'IMPORT.txt', 'ImportToken.bin', 'export.json']);
  });

  it('puts the follow-up command of each provider into the export folder', () => {
    expect(readFileSync(join(out, 'exports/aws/IMPORT.txt'), 'utf8')).toContain('aws kms import-key-material \\\n    --key-id 1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(readFileSync(join(out, 'exports/gcp/IMPORT.txt'), 'utf8')).toContain('gcloud kms keys versions import \\\n    --project acme-example');
    expect(readFileSync(join(out, 'exports/azure/IMPORT.txt'), 'utf8')).toContain('az keyvault key import \\\n    --hsm-name acme-example');
  });

  it('copies the exports onto the practice USB stick', () => {
    const stick = /USB copy 1 \(practice\): (.+)/.exec(run.stdout)![1]!.trim();
    const copy = readdirSync(stick).find((n) => n.endsWith('-copy-1'))!;
    expect(existsSync(join(stick, copy, 'exports/azure/master.byok'))).toBe(true);
  });
});

describe('a rehearsed export, unwrapped by the destination', () => {
  it('gives back the master key of the practice root for every format', { timeout: 300_000 }, () => {
    const dir = join(scratch, 'held');
    mkdirSync(dir);
    const d3072 = SoftwareDestination.create(3072);
    const d4096 = SoftwareDestination.create(4096);
    destinations.push(d3072, d4096);
    writeFileSync(join(dir, 'token.bin'), readFileSync(join(ROOT, 'examples/transport/aws-import-token.bin')));
    const script = scriptWith(dir, { 'hsm-transport.pem': d3072.path('transport.crt'), 'aws-wrapping-key.der': d4096.path('transport.der'), 'gcp-import-job.pem': d3072.path('transport.pem'), 'azure-kek.pem': d4096.path('transport.pem') }, 'token.bin');
    const out = join(scratch, 'held-bundle');
    const run = conclave('rehearse', '--script', script, '--out', out);
    expect(run.status).toBe(0);
    const kcv = masterKcv(sourceOf(run.stdout));
    const file = (p: string) => new Uint8Array(readFileSync(join(out, 'exports', p)));
    // SoftHSM does RSA-OAEP with SHA-1 only: the rehearsal says so and wraps with SHA-1 (Azure's is SHA-1 anyway).
    expect(d3072.kcv(d3072.oaepDecrypt(file('production-hsm/wrapped-key.bin'), 'sha1'))).toBe(kcv);
    expect(d4096.kcv(d4096.oaepDecrypt(file('aws/EncryptedKeyMaterial.bin'), 'sha1'))).toBe(kcv);
    expect(d3072.kcv(d3072.unwrapComposite(file('gcp/wrapped-key.bin'), 'sha1', 384))).toBe(kcv);
    const byok = JSON.parse(readFileSync(join(out, 'exports/azure/master.byok'), 'utf8')) as { ciphertext: string };
    expect(d4096.kcv(d4096.unwrapComposite(new Uint8Array(Buffer.from(byok.ciphertext, 'base64url')), 'sha1', 512))).toBe(kcv);
    const substituted = events(out).filter((e) => e.type === 'deviation.recorded' && /does not do RSA-OAEP with SHA-256/.test(e.data.description as string)).map((e) => e.step);
    expect(substituted).toEqual(['key-export.production-hsm', 'key-export.aws', 'key-export.gcp']);
  });

  it('stops with nothing exported when a transport key is RSA-1024', { timeout: 300_000 }, () => {
    const dir = join(scratch, 'weak');
    mkdirSync(dir);
    const weak = join(dir, 'weak.pem');
    execFileSync('sh', ['-c', `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 2>/dev/null | openssl pkey -pubout -out ${weak}`]);
    const script = scriptWith(dir, { 'hsm-transport.pem': weak });
    const out = join(scratch, 'weak-bundle');
    const run = conclave('rehearse', '--script', script, '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/weak\.pem is RSA-1024: too small/);
    expect(existsSync(join(out, 'exports'))).toBe(false);
    const last = events(out).filter((e) => e.type === 'deviation.recorded').at(-1)!;
    expect(last.step).toBe('key-export.production-hsm');
  });
});
