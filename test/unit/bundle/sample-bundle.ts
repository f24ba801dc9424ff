import { X509Certificate, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backedUpKeyOf, serializeBackup } from '../../../main/custody/backup-file.js';
import type { KeyPairInfo, SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import type { Signer } from '../../../main/hsm/signer.js';
import { BundleWriter } from '../../../main/bundle/bundle-writer.js';
import { Journal } from '../../../main/transcript/journal.js';
import { sealTranscript } from '../../../main/transcript/seal-transcript.js';
import { softwareSigner } from '../../support/software-signer.js';
import { makeTestPki, spkiPem, type TestPki } from '../transcript/openssl-pki.js';

export interface SampleBundle {
  dir: string;
  pki: TestPki;
  cleanup(): void;
}

export interface SampleOptions {
  /** Stop before the close: no ceremony.closed, no seal, no SHA256SUMS, no printed transcript. */
  sealed?: boolean;
  /** How the transcript was printed: a PDF, or the HTML stand-in of a CLI without Chromium. */
  printed?: 'pdf' | 'html';
  /** The audit key; a software one by default (the SoftHSM test passes the token's). */
  auditSigner?: Signer;
  ceremonyId?: string;
}

const SCRIPT = 'version: 1\nkind: root-key-generation\nid: sample\n# a sample ceremony for the bundle tests\n';

/**
 * A small finished root ceremony's bundle, made the way the runner makes one:
 * the journal records each step, the bundle writer reports each file to it,
 * the transcript is sealed by the audit key and SHA256SUMS written last.
 * Certificates and the CRL come from openssl (see openssl-pki.ts).
 */
export async function makeSampleBundle(options: SampleOptions = {}): Promise<SampleBundle> {
  const root = mkdtempSync(join(tmpdir(), 'conclave-bundle-'));
  const dir = join(root, 'bundle');
  const audit = options.auditSigner ?? softwareSigner({ kind: 'ec', curve: 'P-384' });
  const pki = makeTestPki(audit.spki);
  const subordinate = softwareSigner({ kind: 'ec', curve: 'P-256' });
  const subPem = pki.issue('Issuing CA 1', spkiPem(subordinate.spki), 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign');
  const crlDer = pki.crl(['0a0b0c']);
  const rootSpki = new X509Certificate(pki.rootPem).publicKey.export({ type: 'spki', format: 'der' });

  mkdirSync(dir);
  const journal = await Journal.create(join(dir, 'transcript.jsonl'), Buffer.from(SCRIPT), { ceremonyId: options.ceremonyId ?? 'sample-2026', kind: 'root-key-generation', rehearsal: true });
  const writer = new BundleWriter(dir, { onFilesWritten: async (files) => { for (const f of files) await journal.append('file.written', 'export', 'system', f); } });
  await writer.writeFile('ceremony.yaml', Buffer.from(SCRIPT), { record: false });
  const people = [
    ['Ada Admin', 'administrator'],
    ['Wes Witness', 'witness'],
    ['Cleo Custodian', 'custodian'],
    ['Dev Custodian', 'custodian'],
    ['Eve Custodian', 'custodian'],
  ] as const;
  for (const [name, role] of people) await journal.append('participant.present', 'roll-call', 'Wes Witness', { name, role });
  await journal.append('key.generated', 'keys', 'system', { label: 'root', id: 'a1'.repeat(20), type: 'EC P-384', spkiSha256: sha256(rootSpki) });
  await writer.writeFile('keys/root.spki.pem', Buffer.from(spkiPem(new Uint8Array(rootSpki))));
  await journal.append('key.generated', 'keys', 'system', { label: 'master', id: 'b2'.repeat(20), type: 'AES-256', kcv: 'c0ffee' });

  const fingerprints = ['1111111111111111', '2222222222222222', '3333333333333333'];
  const shareSetId = '5e75e75e75e75e75';
  const custodians = people.filter(([, role]) => role === 'custodian').map(([name]) => name);
  for (const [i, custodian] of custodians.entries()) {
    await journal.append('share.issued', 'hand-off', 'system', { custodian, index: i + 1, fingerprint: fingerprints[i]!, shareSetId });
    await writer.writeFile(`custodians/${custodian.split(' ')[0]!.toLowerCase()}.html`, Buffer.from(`<html><body>REHEARSAL card for ${custodian}</body></html>`));
  }
  const rootKey: KeyPairInfo = { label: 'root', id: 'a1'.repeat(20), type: { kind: 'ec', curve: 'P-384' }, spki: new Uint8Array(rootSpki), spkiSha256: sha256(rootSpki), extractable: true };
  const masterKey: SecretKeyInfo = { label: 'master', id: 'b2'.repeat(20), type: { kind: 'aes', bits: 256 }, kcv: 'c0ffee', extractable: true };
  const backup = serializeBackup({
    format: 'conclave-backup/1',
    ceremonyId: options.ceremonyId ?? 'sample-2026',
    kek: { kcv: 'abcdef', threshold: 2, shareCount: 3, shareSetId, shareFingerprints: fingerprints.map((fingerprint, i) => ({ member: i + 1, fingerprint })) },
    wrapMechanism: 'CKM_AES_KEY_WRAP_PAD',
    // Stand-ins of RFC 5649's sizes: this bundle is about the record, not the wrapping (test/hsm/custody restores real ones).
    keys: [backedUpKeyOf(rootKey, new Uint8Array(192).fill(1)), backedUpKeyOf(masterKey, new Uint8Array(40).fill(2))],
  });
  const backupFile = await writer.writeFile('backup/backup.json', backup);
  await journal.append('backup.written', 'backup', 'system', { path: backupFile.path, sha256: backupFile.sha256, kekKcv: 'abcdef', shareSetId, threshold: 2, shareCount: 3 });

  for (const [name, pem] of [['root', pki.rootPem], ['audit', pki.auditPem], ['issuing-ca-1', subPem]] as const) {
    const cert = new X509Certificate(pem);
    await writer.writeFile(`certs/${name}.pem`, Buffer.from(pem));
    const der = await writer.writeFile(`certs/${name}.der`, cert.raw);
    await journal.append('cert.issued', 'certificates', 'system', { name, serial: cert.serialNumber.toLowerCase(), subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', '), sha256: der.sha256 });
  }
  const crl = await writer.writeFile('crls/root.crl', crlDer);
  await writer.writeFile('crls/root.pem', readFileSync(join(pki.dir, 'root.crl.pem')));
  await journal.append('crl.issued', 'crl', 'system', { name: 'root', issuer: 'Test Root', crlNumber: '01', sha256: crl.sha256 });

  if (options.sealed === false) {
    await journal.close();
  } else {
    await journal.append('ceremony.closed', 'close', 'system', {});
    await journal.close();
    const transcript = readFileSync(join(dir, 'transcript.jsonl'));
    const p7s = await sealTranscript({ transcript, signer: audit, signerCertificate: pki.auditDer, chain: [pki.rootDer] });
    await writer.writeFile('transcript.jsonl.p7s', p7s, { record: false });
    if (options.printed === 'pdf') await writer.writeFile('transcript.pdf', Buffer.from('%PDF-1.7\n% stand-in for the rendered transcript\n'), { record: false });
    else await writer.writeFile('transcript.html', Buffer.from('<html><body>Transcript</body></html>'), { record: false });
    await writer.writeSums();
  }
  return {
    dir,
    pki,
    cleanup: () => {
      pki.cleanup();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
