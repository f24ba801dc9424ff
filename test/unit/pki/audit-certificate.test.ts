import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueAuditCertificate } from '../../../main/pki/issue-audit-certificate.js';
import type { IssuedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { LintFailedError } from '../../../main/pki/pki-error.js';
import { softwareSigner } from '../../support/software-signer.js';
import { AUDIT_SUBJECT, SIGNING_TIME, recordingSigner, rootRequest, testSerials } from './helpers/fixtures.js';
import { certtoolVerifyChain, inScratch, opensslText, opensslVerify, run } from './helpers/openssl.js';

describe('the audit certificate', () => {
  const rootSigner = softwareSigner({ kind: 'ec', curve: 'P-384' });
  const auditKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const auditSpki = new Uint8Array(auditKey.publicKey.export({ type: 'spki', format: 'der' }));
  let root: IssuedCertificate;
  let audit: IssuedCertificate;
  const request = (overrides = {}) => ({ issuerSigner: rootSigner, issuerCertificate: root.pem, subjectPublicKey: auditSpki, subject: AUDIT_SUBJECT, validity: { days: 3652 }, serialNumbers: testSerials(), signingTime: SIGNING_TIME, ...overrides });

  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(rootSigner));
    audit = await issueAuditCertificate(request());
  });

  it('openssl and certtool verify it against the root', () => {
    expect(opensslVerify({ ca: root.pem, certificate: audit.pem, flags: ['-purpose', 'any'] }).ok).toBe(true);
    expect(certtoolVerifyChain([audit.pem, root.pem]).ok).toBe(true);
  });

  it('is for document signing only: digitalSignature, not a CA, id-kp-documentSigning', () => {
    const text = opensslText(audit.pem);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage: \n\s+1\.3\.6\.1\.5\.5\.7\.3\.36\n/);
  });

  it('cannot act as an issuer: a certificate under it is refused before signing', async () => {
    const auditSigner = softwareSigner({ kind: 'ec', curve: 'P-256' });
    const ownAudit = await issueAuditCertificate(request({ subjectPublicKey: auditSigner.spki }));
    const recorder = recordingSigner(auditSigner);
    const error = await issueAuditCertificate(request({ issuerSigner: recorder, issuerCertificate: ownAudit.der, validity: { days: 30 } })).catch((e: unknown) => e);
    expect((error as LintFailedError).failures.map((f) => f.id)).toContain('issuer-is-ca');
    expect(recorder.calls).toEqual([]);
  });

  it('seals a document that `openssl cms -verify -purpose any` accepts with the root as trust anchor', () => {
    const verdict = inScratch((dir) => {
      writeFileSync(join(dir, 'audit.pem'), audit.pem);
      writeFileSync(join(dir, 'root.pem'), root.pem);
      writeFileSync(join(dir, 'audit.key'), auditKey.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      writeFileSync(join(dir, 'transcript.jsonl'), '{"seq":0}\n');
      const signed = run('openssl', ['cms', '-sign', '-binary', '-in', 'transcript.jsonl', '-signer', 'audit.pem', '-inkey', 'audit.key', '-outform', 'DER', '-out', 't.p7s'], dir);
      if (!signed.ok) return signed;
      return run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 't.p7s', '-content', 'transcript.jsonl', '-CAfile', 'root.pem', '-purpose', 'any', '-out', '/dev/null'], dir);
    });
    expect(verdict.output).toContain('Verification successful');
  });

  it('a validity beyond 10 years is refused before signing', async () => {
    const recorder = recordingSigner(rootSigner);
    const error = await issueAuditCertificate(request({ issuerSigner: recorder, validity: { days: 3654 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintFailedError);
    expect((error as LintFailedError).failures.map((f) => f.id)).toEqual(['validity-maximum']);
    expect(recorder.calls).toEqual([]);
  });

  it('a subject without CN is refused before signing', async () => {
    const error = await issueAuditCertificate(request({ subject: [{ type: 'O', value: 'ACME' }] })).catch((e: unknown) => e);
    expect((error as LintFailedError).failures).toEqual([expect.objectContaining({ id: 'subject-required-attributes', clause: 'RFC 5280 §4.1.2.6' })]);
  });
});
