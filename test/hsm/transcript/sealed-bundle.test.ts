import { execFileSync, execSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleWriter } from '../../../main/bundle/bundle-writer.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { main } from '../../../main/cli/main.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import { issueAuditCertificate, issueCertificateFromCsr, issueCrl, issueRootCertificate, parseCsr, SerialNumberAllocator } from '../../../main/pki/index.js';
import type { DistinguishedName } from '../../../main/pki/names.js';
import { Journal } from '../../../main/transcript/journal.js';
import { sealTranscript } from '../../../main/transcript/seal-transcript.js';
import { verifySeal } from '../../../main/transcript/verify-seal.js';
import { spkiPem } from '../../unit/transcript/openssl-pki.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';

const SCRIPT = Buffer.from('version: 1\nkind: root-key-generation\nid: softhsm-round-trip\n');
const name = (cn: string): DistinguishedName => [
  { type: 'C', value: 'DE' },
  { type: 'O', value: 'Conclave Test' },
  { type: 'CN', value: cn },
];

let store: TestTokenStore;
let hsm: Hsm;
let work: string;
let dir: string;

/**
 * A small root ceremony on a SoftHSM token, with the real layers: keys made
 * on the token, certificates and the CRL issued by main/pki and signed there,
 * every event journaled, every file written by the bundle writer, the
 * transcript sealed by the audit key on the token, SHA256SUMS last.
 */
beforeAll(async () => {
  store = createTokenStore(['ceremony']);
  hsm = await Hsm.open();
  const session = await hsm.openSession({ label: 'ceremony' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  work = mkdtempSync(join(tmpdir(), 'conclave-hsm-bundle-'));
  dir = join(work, 'bundle');
  mkdirSync(dir);

  const journal = await Journal.create(join(dir, 'transcript.jsonl'), SCRIPT, { ceremonyId: 'softhsm-round-trip', kind: 'root-key-generation', rehearsal: true });
  const writer = new BundleWriter(dir, { onFilesWritten: async (files) => { for (const f of files) await journal.append('file.written', 'export', 'system', f); } });
  await writer.writeFile('ceremony.yaml', SCRIPT, { record: false });
  for (const [person, role] of [['Ada Admin', 'administrator'], ['Wes Witness', 'witness']]) await journal.append('participant.present', 'roll-call', 'Wes Witness', { name: person!, role: role! });

  const root = await session.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
  const audit = await session.generateKeyPair({ label: 'audit', type: { kind: 'ec', curve: 'P-384' }, extractable: false });
  const master = await session.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: false });
  for (const key of [root, audit]) {
    await journal.append('key.generated', 'keys', 'system', { label: key.label, id: key.id, type: 'EC P-384', spkiSha256: key.spkiSha256 });
    await writer.writeFile(`keys/${key.label}.spki.pem`, Buffer.from(spkiPem(key.spki)));
  }
  await journal.append('key.generated', 'keys', 'system', { label: master.label, id: master.id, type: 'AES-256', kcv: master.kcv });

  const rootSigner = await session.signer('root');
  const serialNumbers = new SerialNumberAllocator((n) => session.random(n));
  const rootCert = await issueRootCertificate({ signer: rootSigner, subject: name('SoftHSM Test Root'), validity: { days: 3650 }, serialNumbers });
  const auditCert = await issueAuditCertificate({ issuerSigner: rootSigner, issuerCertificate: rootCert.der, subjectPublicKey: audit.spki, subject: name('SoftHSM Ceremony Audit'), validity: { days: 365 }, serialNumbers });
  execFileSync('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(work, 'sub.key'), '-subj', '/CN=ignored', '-out', join(work, 'sub.csr')], { stdio: 'pipe' });
  const subCert = await issueCertificateFromCsr({
    profile: 'subordinate-ca',
    issuerSigner: rootSigner,
    issuerCertificate: rootCert.der,
    csr: parseCsr(readFileSync(join(work, 'sub.csr'), 'utf8')),
    subject: name('SoftHSM Issuing CA 1'),
    validity: { days: 1825 },
    serialNumbers,
  });
  for (const [certName, cert, profile] of [['root', rootCert, 'root-ca'], ['audit', auditCert, 'audit'], ['issuing-ca-1', subCert, 'subordinate-ca']] as const) {
    await writer.writeFile(`certs/${certName}.pem`, Buffer.from(cert.pem));
    await writer.writeFile(`certs/${certName}.der`, cert.der);
    await journal.append('cert.issued', 'certificates', 'system', { name: certName, serial: cert.summary.serialNumber, subject: cert.summary.subject, issuer: cert.summary.issuer, sha256: cert.sha256, profile });
  }
  const crl = await issueCrl({ signer: rootSigner, issuerCertificate: rootCert.der, revoked: [], nextUpdate: new Date(Date.now() + 30 * 86_400_000), crlNumber: 1n });
  const crlFile = await writer.writeFile('crls/root.crl', crl.der);
  await writer.writeFile('crls/root.pem', Buffer.from(crl.pem));
  await journal.append('crl.issued', 'crl', 'system', { name: 'root', issuer: 'SoftHSM Test Root', crlNumber: '1', sha256: crlFile.sha256 });
  await journal.append('ceremony.closed', 'close', 'system', {});
  await journal.close();

  const transcript = readFileSync(join(dir, 'transcript.jsonl'));
  const p7s = await sealTranscript({ transcript, signer: await session.signer('audit'), signerCertificate: auditCert.der, chain: [rootCert.der] });
  await writer.writeFile('transcript.jsonl.p7s', p7s, { record: false });
  await writer.writeFile('transcript.html', Buffer.from('<html><body>printed transcript stand-in</body></html>'), { record: false });
  await writer.writeSums();
  await session.logout();
  await session.close();
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a root ceremony bundle made on SoftHSM', () => {
  it('passes conclave verify, exit 0, with the PKI profile lints run on every certificate', async () => {
    const stdout = new PassThrough();
    const out: string[] = [];
    stdout.on('data', (d) => out.push(String(d)));
    const code = await main(['verify', dir], { stdout, stderr: new PassThrough(), stdin: new PassThrough() });
    const text = out.join('');
    expect(code, text).toBe(0);
    expect(text).toContain('root-ca profile lints pass');
    expect(text).toContain('audit profile lints pass');
    expect(text).toContain('subordinate-ca profile lints pass');
    expect(text).toMatch(/seal: signed at .* by C=DE, O=Conclave Test, CN=SoftHSM Ceremony Audit/);
  });

  it.each([
    'sha256sum -c SHA256SUMS',
    'openssl cms -verify -binary -inform DER -in transcript.jsonl.p7s -content transcript.jsonl -CAfile certs/root.pem -purpose any -out /dev/null',
    'openssl verify -x509_strict -check_ss_sig -CAfile certs/root.pem certs/root.pem',
    'openssl verify -x509_strict -CAfile certs/root.pem certs/issuing-ca-1.pem',
    'openssl crl -inform DER -in crls/root.crl -CAfile certs/root.pem -noout',
  ])('passes FORMATS.md verbatim: %s', (command) => {
    expect(() => execSync(command, { cwd: dir, stdio: 'pipe' })).not.toThrow();
  });

  it('has a seal that names the audit key\'s certificate and chains to the root made on the token', () => {
    const result = verifySeal(readFileSync(join(dir, 'transcript.jsonl.p7s')), readFileSync(join(dir, 'transcript.jsonl')), { roots: [new X509Certificate(readFileSync(join(dir, 'certs/root.pem')))] });
    expect(result.ok).toBe(true);
    expect(result.path).toEqual(['C=DE, O=Conclave Test, CN=SoftHSM Ceremony Audit', 'C=DE, O=Conclave Test, CN=SoftHSM Test Root']);
  });

  it('fails verification once a line of the HSM-sealed transcript is altered', async () => {
    const copy = join(work, 'altered');
    execFileSync('cp', ['-r', dir, copy]);
    const path = join(copy, 'transcript.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"Ada Admin"', '"Eve Admin"'));
    const report = await verifyBundle(copy);
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.name === 'transcript chain')?.detail).toContain('line 2 was altered');
  });
});
