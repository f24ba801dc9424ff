import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyPairType } from '../../../main/hsm/key-spec.js';
import { sealTranscript } from '../../../main/transcript/seal-transcript.js';
import { TranscriptError } from '../../../main/transcript/transcript-error.js';
import { verifySeal } from '../../../main/transcript/verify-seal.js';
import { softwareSigner } from '../../support/software-signer.js';
import { makeTestPki, type TestPki } from './openssl-pki.js';

const transcript = Buffer.from('{"seq":0,"note":"first"}\n{"seq":1,"note":"second"}\n');
const pkis: TestPki[] = [];
afterAll(() => pkis.forEach((p) => p.cleanup()));

async function sealed(keyType: KeyPairType, bytes: Uint8Array = transcript) {
  const signer = softwareSigner(keyType);
  const pki = makeTestPki(signer.spki);
  pkis.push(pki);
  const p7s = await sealTranscript({ transcript: bytes, signer, signerCertificate: pki.auditDer, chain: [pki.rootDer] });
  writeFileSync(join(pki.dir, 'transcript.jsonl'), bytes);
  writeFileSync(join(pki.dir, 'transcript.jsonl.p7s'), p7s);
  return { signer, pki, p7s };
}

/** The command FORMATS.md gives the auditor, verbatim. */
function opensslCmsVerify(dir: string): void {
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'transcript.jsonl.p7s', '-content', 'transcript.jsonl', '-CAfile', 'root.pem', '-purpose', 'any', '-out', '/dev/null'];
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

describe('sealTranscript, judged by openssl cms -verify', () => {
  const keyTypes: KeyPairType[] = [
    { kind: 'ec', curve: 'P-256' },
    { kind: 'ec', curve: 'P-384' },
    { kind: 'ec', curve: 'P-521' },
    { kind: 'rsa', bits: 3072 },
  ];
  it.each(keyTypes.map((k) => [k.kind === 'ec' ? k.curve : `RSA ${k.bits}`, k] as const))('accepts a seal made with %s', async (_name, keyType) => {
    const { pki } = await sealed(keyType);
    expect(() => opensslCmsVerify(pki.dir)).not.toThrow();
  });

  it('is detached, carries the audit and root certificates, and signs contentType, signingTime and messageDigest', async () => {
    const { pki } = await sealed({ kind: 'ec', curve: 'P-384' });
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(pki.dir, 'transcript.jsonl.p7s')], { encoding: 'utf8' });
    expect(printed).toContain('eContent: <ABSENT>');
    expect(printed).toMatch(/object: contentType \(1\.2\.840\.113549\.1\.9\.3\)/);
    expect(printed).toMatch(/object: signingTime \(1\.2\.840\.113549\.1\.9\.5\)/);
    expect(printed).toMatch(/object: messageDigest \(1\.2\.840\.113549\.1\.9\.4\)/);
    expect(printed).toContain('CN=Audit');
    expect(printed).toContain('CN=Test Root');
  });

  it('is refused by openssl once the transcript changes', async () => {
    const { pki } = await sealed({ kind: 'ec', curve: 'P-384' });
    writeFileSync(join(pki.dir, 'transcript.jsonl'), Buffer.concat([transcript, Buffer.from('{"seq":2}\n')]));
    expect(() => opensslCmsVerify(pki.dir)).toThrow(/Verification failure|digest failure/);
  });

  it('refuses a certificate that is not the audit key\'s, signing nothing', async () => {
    const signer = softwareSigner({ kind: 'ec', curve: 'P-384' });
    const other = softwareSigner({ kind: 'ec', curve: 'P-384' });
    const pki = makeTestPki(other.spki);
    pkis.push(pki);
    let signed = false;
    const watched = { ...signer, sign: async (...args: Parameters<typeof signer.sign>) => ((signed = true), signer.sign(...args)) };
    const error = await sealTranscript({ transcript, signer: watched, signerCertificate: pki.auditDer }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).code).toBe('SEAL_BAD_CERTIFICATE');
    expect(signed).toBe(false);
  });

  it('refuses to return a seal whose signature does not verify', async () => {
    const signer = softwareSigner({ kind: 'ec', curve: 'P-256' });
    const pki = makeTestPki(signer.spki);
    pkis.push(pki);
    const broken = { ...signer, sign: async () => new Uint8Array(64).fill(7) };
    const error = await sealTranscript({ transcript, signer: broken, signerCertificate: pki.auditDer }).catch((e: unknown) => e);
    expect((error as TranscriptError).code).toBe('SEAL_SIGNATURE_FAILED');
  });
});

describe('verifySeal', () => {
  it('accepts a good seal and names its signer, its chain and what it covers', async () => {
    const { pki, p7s } = await sealed({ kind: 'ec', curve: 'P-384' });
    const result = verifySeal(p7s, transcript, { roots: [new X509Certificate(pki.rootPem)] });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.signer?.subject).toContain('CN=Audit');
    expect(result.path).toHaveLength(2);
    expect(result.signingTime).toBeInstanceOf(Date);
  });

  it('names events appended after the seal', async () => {
    const { pki, p7s } = await sealed({ kind: 'ec', curve: 'P-384' });
    const longer = Buffer.concat([transcript, Buffer.from('{"seq":2}\n{"seq":3}\n')]);
    const result = verifySeal(p7s, longer, { roots: [new X509Certificate(pki.rootPem)] });
    expect(result.problems.map((p) => p.code)).toEqual(['appended-after-seal']);
    expect(result.problems[0]!.message).toContain('lines 1 to 2 only: 2 line(s) from line 3 on');
  });

  it('says the digest differs for a changed or truncated transcript', async () => {
    const { pki, p7s } = await sealed({ kind: 'ec', curve: 'P-384' });
    const roots = [new X509Certificate(pki.rootPem)];
    expect(verifySeal(p7s, transcript.subarray(0, 20), { roots }).problems.map((p) => p.code)).toEqual(['digest-mismatch']);
    expect(verifySeal(p7s, Buffer.from(transcript.toString().replace('first', 'First')), { roots }).problems.map((p) => p.code)).toEqual(['digest-mismatch']);
  });

  it('refuses a seal whose signer does not chain to the trusted root, even if it carries its own root', async () => {
    const { p7s } = await sealed({ kind: 'ec', curve: 'P-384' });
    const { pki: otherPki } = await sealed({ kind: 'ec', curve: 'P-384' });
    const result = verifySeal(p7s, transcript, { roots: [new X509Certificate(otherPki.rootPem)] });
    expect(result.problems.map((p) => p.code)).toEqual(['untrusted-signer']);
  });

  it('refuses a seal with a damaged signature', async () => {
    const { pki, p7s } = await sealed({ kind: 'rsa', bits: 3072 });
    const damaged = Buffer.from(p7s);
    damaged[damaged.length - 5] = damaged[damaged.length - 5]! ^ 0x01;
    const result = verifySeal(damaged, transcript, { roots: [new X509Certificate(pki.rootPem)] });
    expect(result.problems.map((p) => p.code)).toEqual(['signature-invalid']);
  });

  it('says when the file is not a CMS seal at all', () => {
    const result = verifySeal(Buffer.from('not a seal'), transcript, { roots: [] });
    expect(result.problems.map((p) => p.code)).toEqual(['not-cms']);
  });
});
