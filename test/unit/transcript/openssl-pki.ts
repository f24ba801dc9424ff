import { execFileSync } from 'node:child_process';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small PKI made by the openssl CLI for tests: a self-signed root and an
 * audit certificate (keyUsage digitalSignature) for a key the test holds.
 * openssl, not our code, makes them, so the seal and the verifier are judged
 * against an independent issuer.
 */
export interface TestPki {
  dir: string;
  rootPem: string;
  rootDer: Uint8Array;
  rootKeyPath: string;
  auditPem: string;
  auditDer: Uint8Array;
  /** Issues another certificate under the root for a key given as PEM; returns its PEM. */
  issue(name: string, publicKeyPem: string, extensions: string): string;
  /** Signs a CRL under the root revoking the given serials (hex); returns its DER. */
  crl(revokedSerials?: string[]): Uint8Array;
  cleanup(): void;
}

/** openssl's name for our curves. */
const CURVES = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' } as const;

/** auditSpki: the audit key's SubjectPublicKeyInfo, DER (a Signer's spki). */
export function makeTestPki(auditSpki: Uint8Array, options: { rootCurve?: keyof typeof CURVES; rootSubject?: string } = {}): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-pki-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('ecparam', '-name', CURVES[options.rootCurve ?? 'P-384'], '-genkey', '-noout', '-out', 'root.key');
  writeFileSync(join(dir, 'root.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');
  run('req', '-new', '-x509', '-key', 'root.key', '-subj', options.rootSubject ?? '/C=DE/O=Conclave Test/CN=Test Root', '-days', '3650', '-sha384', '-extensions', 'v3', '-config', writeConfig(dir), '-out', 'root.pem');
  const issue = (name: string, publicKeyPem: string, extensions: string): string => {
    writeFileSync(join(dir, `${name}.pub.pem`), publicKeyPem);
    writeFileSync(join(dir, `${name}.ext`), `${extensions}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n`);
    // -force_pubkey: the subject's key is given directly, so no CSR (and no private key) is needed here.
    run('x509', '-new', '-subj', `/C=DE/O=Conclave Test/CN=${name}`, '-force_pubkey', `${name}.pub.pem`, '-CA', 'root.pem', '-CAkey', 'root.key', '-days', '365', '-sha384', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
    return readFileSync(join(dir, `${name}.pem`), 'utf8');
  };
  const auditPem = issue('Audit', spkiPem(auditSpki), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature');
  const rootPem = readFileSync(join(dir, 'root.pem'), 'utf8');
  let crlCount = 0;
  const crl = (revokedSerials: string[] = []): Uint8Array => {
    crlCount++;
    writeFileSync(join(dir, 'index.txt'), revokedSerials.map((s) => `R\t350101000000Z\t250101000000Z,keyCompromise\t${s.toUpperCase()}\tunknown\t/CN=revoked\n`).join(''));
    writeFileSync(join(dir, 'crlnumber'), `${crlCount.toString(16).padStart(2, '0')}\n`);
    run('ca', '-gencrl', '-config', join(dir, 'openssl.cnf'), '-keyfile', 'root.key', '-cert', 'root.pem', '-crldays', '30', '-md', 'sha384', '-out', 'root.crl.pem');
    run('crl', '-in', 'root.crl.pem', '-outform', 'DER', '-out', 'root.crl');
    return new Uint8Array(readFileSync(join(dir, 'root.crl')));
  };
  return {
    dir,
    rootPem,
    rootDer: new Uint8Array(new X509Certificate(rootPem).raw),
    rootKeyPath: join(dir, 'root.key'),
    auditPem,
    auditDer: new Uint8Array(new X509Certificate(auditPem).raw),
    issue,
    crl,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A SubjectPublicKeyInfo as PEM, for openssl's -force_pubkey. */
export function spkiPem(spki: Uint8Array): string {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }) as string;
}

function writeConfig(dir: string): string {
  const path = join(dir, 'openssl.cnf');
  writeFileSync(
    path,
    [
      '[req]',
      'distinguished_name = dn',
      '[dn]',
      '[v3]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier = hash',
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `database = ${join(dir, 'index.txt')}`,
      `crlnumber = ${join(dir, 'crlnumber')}`,
      'default_md = sha384',
      'crl_extensions = crl_ext',
      '[crl_ext]',
      'authorityKeyIdentifier = keyid:always',
      '',
    ].join('\n'),
  );
  return path;
}
