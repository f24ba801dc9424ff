import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * openssl and GnuTLS certtool as the independent judges of what main/pki
 * produces: every certificate, CSR and CRL is checked by them, never only by
 * the code under test. Each helper works in its own throwaway folder.
 */

export interface ToolResult {
  ok: boolean;
  /** stdout and stderr together, for assertion messages. */
  output: string;
}

export function inScratch<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-pki-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(command: string, args: string[], cwd: string): ToolResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** `openssl verify -x509_strict` of a certificate against a CA file, with optional CRLs and extra flags. */
export function opensslVerify(options: { ca: string; certificate: string; untrusted?: string; crls?: string[]; flags?: string[] }): ToolResult {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'ca.pem'), options.ca);
    writeFileSync(join(dir, 'cert.pem'), options.certificate);
    const args = ['verify', '-x509_strict', ...(options.flags ?? []), '-CAfile', 'ca.pem'];
    if (options.untrusted) {
      writeFileSync(join(dir, 'untrusted.pem'), options.untrusted);
      args.push('-untrusted', 'untrusted.pem');
    }
    (options.crls ?? []).forEach((crl, i) => {
      writeFileSync(join(dir, `crl${i}.pem`), crl);
      args.push('-CRLfile', `crl${i}.pem`);
    });
    return run('openssl', [...args, 'cert.pem'], dir);
  });
}

/** `openssl crl -CAfile` : openssl checks the CRL's signature against the CA certificate. */
export function opensslCrlVerify(crlDer: Uint8Array, caPem: string): ToolResult {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'ca.pem'), caPem);
    writeFileSync(join(dir, 'crl.der'), crlDer);
    return run('openssl', ['crl', '-inform', 'DER', '-in', 'crl.der', '-CAfile', 'ca.pem', '-noout'], dir);
  });
}

/** GnuTLS `certtool --verify-chain` over a chain given leaf first, root last. */
export function certtoolVerifyChain(chain: string[]): ToolResult {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'chain.pem'), chain.join(''));
    const result = run('certtool', ['--verify-chain', '--infile', 'chain.pem'], dir);
    return { ok: result.ok && result.output.includes('Chain verification output: Verified'), output: result.output };
  });
}

/** openssl's text form of a certificate (`x509 -text`), CRL (`crl -text`) or CSR (`req -text`). */
export function opensslText(pem: string, kind: 'x509' | 'crl' | 'req' = 'x509'): string {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'in.pem'), pem);
    const result = run('openssl', [kind, '-in', 'in.pem', '-noout', '-text'], dir);
    if (!result.ok) throw new Error(`openssl ${kind} -text failed: ${result.output}`);
    return result.output;
  });
}

/** What openssl prints for `x509 -noout <flag>` (e.g. -fingerprint -sha256, -serial, -subject). */
export function opensslX509(pem: string, flags: string[]): string {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'in.pem'), pem);
    return run('openssl', ['x509', '-in', 'in.pem', '-noout', ...flags], dir).output.trim();
  });
}

/** Key kinds openssl makes for test CSRs, including ones Conclave must refuse. */
export type TestKey = 'P-256' | 'P-384' | 'P-521' | 'P-192' | 'secp256k1' | `rsa:${number}`;

export interface OpensslCsr {
  pem: string;
  der: Uint8Array;
  keyPem: string;
}

/**
 * A CSR made by `openssl req -new` for a key from `openssl genpkey`.
 * `addext` lines become requested extensions; `digest` is passed as -<digest>.
 */
export function opensslCsr(options: { key: TestKey; subject?: string; digest?: string; addext?: string[]; sigopt?: string[] }): OpensslCsr {
  return inScratch((dir) => {
    const bits = Number(options.key.slice(4));
    // Two primes of half the size cannot make an odd-sized modulus; three can.
    const keyArgs = options.key.startsWith('rsa:')
      ? ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, ...(bits % 2 === 1 ? ['-pkeyopt', 'rsa_keygen_primes:3'] : [])]
      : ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${options.key}`];
    generateKey(dir, keyArgs, options.key);
    const args = ['req', '-new', '-key', 'key.pem', '-subj', options.subject ?? '/C=DE/O=Requester/CN=Requested Name', '-out', 'req.pem'];
    if (options.digest) args.push(`-${options.digest}`);
    for (const e of options.addext ?? []) args.push('-addext', e);
    for (const s of options.sigopt ?? []) args.push('-sigopt', s);
    must(run('openssl', args, dir));
    must(run('openssl', ['req', '-in', 'req.pem', '-outform', 'DER', '-out', 'req.der'], dir));
    return { pem: readFileSync(join(dir, 'req.pem'), 'utf8'), der: new Uint8Array(readFileSync(join(dir, 'req.der'))), keyPem: readFileSync(join(dir, 'key.pem'), 'utf8') };
  });
}

/** openssl genpkey; an RSA modulus can come out a bit short of the size asked, so draw again until it is exact. */
function generateKey(dir: string, keyArgs: string[], key: TestKey): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    must(run('openssl', ['genpkey', '-quiet', ...keyArgs, '-out', 'key.pem'], dir));
    if (!key.startsWith('rsa:')) return;
    const text = run('openssl', ['pkey', '-in', 'key.pem', '-noout', '-text'], dir).output;
    if (text.includes(`(${key.slice(4)} bit`)) return;
  }
  throw new Error(`openssl did not make an RSA key of exactly ${key.slice(4)} bits`);
}

function must(result: ToolResult): void {
  if (!result.ok) throw new Error(`openssl failed: ${result.output}`);
}
