import { beforeAll, describe, expect, it } from 'vitest';
import { issueCrl, prepareCrl, signPreparedCrl, type CrlRequest } from '../../../main/pki/crl.js';
import { readCertificate } from '../../../main/pki/certificate-view.js';
import { readCrl } from '../../../main/pki/crl-view.js';
import { issueAuditCertificate } from '../../../main/pki/issue-audit-certificate.js';
import { reasonCodeExtension } from '../../../main/pki/extensions/crl-extensions.js';
import type { IssuedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueCertificateFromCsr } from '../../../main/pki/issue-subordinate-certificate.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { parseCsr } from '../../../main/pki/csr.js';
import { LintFailedError } from '../../../main/pki/pki-error.js';
import { softwareSigner } from '../../support/software-signer.js';
import { AUDIT_SUBJECT, KEY_TYPES, SIGNING_TIME, recordingSigner, rootRequest, subordinateRequest, testSerials } from './helpers/fixtures.js';
import { opensslCrlVerify, opensslCsr, opensslText, opensslVerify } from './helpers/openssl.js';

const DAY = 86_400_000;
const REVOKED_AT = new Date(SIGNING_TIME.getTime() - DAY);

describe.each(KEY_TYPES)('a CRL signed by a $name root, revoking two serials', ({ type }) => {
  const signer = softwareSigner(type);
  let root: IssuedCertificate;
  let sub: IssuedCertificate;
  let other: IssuedCertificate;
  let crl: Awaited<ReturnType<typeof issueCrl>>;

  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(signer));
    const csr = () => parseCsr(opensslCsr({ key: 'P-256' }).pem);
    sub = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr()));
    other = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr()));
    crl = await issueCrl({
      signer,
      issuerCertificate: root.der,
      revoked: [
        { serialNumber: sub.summary.serialNumber, revocationDate: REVOKED_AT, reason: 'keyCompromise' },
        { serialNumber: '0a:1b:2c:3d', revocationDate: REVOKED_AT, reason: 'cessationOfOperation' },
      ],
      thisUpdate: SIGNING_TIME,
      nextUpdate: new Date(SIGNING_TIME.getTime() + 180 * DAY),
      crlNumber: 7n,
      signingTime: SIGNING_TIME,
    });
  });

  it('openssl crl -CAfile verifies its signature', () => {
    const verdict = opensslCrlVerify(crl.der, root.pem);
    expect(verdict.output).toContain('verify OK');
  });

  it('openssl verify -crl_check finds the revoked subordinate revoked and the other one good', () => {
    const revoked = opensslVerify({ ca: root.pem, certificate: sub.pem, crls: [crl.pem], flags: ['-crl_check', '-attime', String(SIGNING_TIME.getTime() / 1000 + 3600)] });
    expect(revoked.ok).toBe(false);
    expect(revoked.output).toContain('certificate revoked');
    const good = opensslVerify({ ca: root.pem, certificate: other.pem, crls: [crl.pem], flags: ['-crl_check', '-attime', String(SIGNING_TIME.getTime() / 1000 + 3600)] });
    expect(good.ok, good.output).toBe(true);
  });

  it('is v2 with cRLNumber, authorityKeyIdentifier and non-critical reason codes, as openssl reads it', () => {
    const text = opensslText(crl.pem, 'crl');
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toMatch(/X509v3 CRL Number: \n\s+7\n/);
    expect(text).toMatch(/X509v3 Authority Key Identifier: \n/);
    expect(text).toMatch(/X509v3 CRL Reason Code: \n\s+Key Compromise\n/);
    expect(text).toMatch(/X509v3 CRL Reason Code: \n\s+Cessation Of Operation\n/);
    expect(text).not.toMatch(/critical/);
  });

  it("has its issuer byte-identical to the root's subject", () => {
    expect(Buffer.from(readCrl(crl.der).issuer.der).equals(readCertificate(root.der).subject.der)).toBe(true);
    expect(crl.summary.issuer).toBe(root.summary.subject);
  });

  it('summarises its entries for the transcript', () => {
    expect(crl.summary).toMatchObject({
      crlNumber: '7',
      thisUpdate: SIGNING_TIME.toISOString(),
      revoked: [
        { serialNumber: sub.summary.serialNumber, reason: 'keyCompromise', revocationDate: REVOKED_AT.toISOString() },
        { serialNumber: '0a1b2c3d', reason: 'cessationOfOperation' },
      ],
    });
  });
});

describe('CRL rules', () => {
  const signer = softwareSigner({ kind: 'ec', curve: 'P-256' });
  let root: IssuedCertificate;
  const request = (overrides: Partial<CrlRequest> = {}): CrlRequest => ({
    signer,
    issuerCertificate: root.der,
    revoked: [],
    thisUpdate: SIGNING_TIME,
    nextUpdate: new Date(SIGNING_TIME.getTime() + 30 * DAY),
    crlNumber: 1n,
    signingTime: SIGNING_TIME,
    ...overrides,
  });
  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(signer));
  });

  it('an initial CRL with nothing revoked leaves the list out and openssl verifies it', async () => {
    const crl = await issueCrl(request());
    expect(readCrl(crl.der).revoked).toBeUndefined();
    expect(opensslCrlVerify(crl.der, root.pem).ok).toBe(true);
  });

  it('an unspecified reason is written by leaving reasonCode out (BR §7.2.2.1)', async () => {
    const crl = await issueCrl(request({ revoked: [{ serialNumber: '01', revocationDate: REVOKED_AT, reason: 'unspecified' }] }));
    expect(readCrl(crl.der).revoked![0]!.extensions).toBeUndefined();
    expect(crl.summary.revoked[0]!.reason).toBe('unspecified');
  });

  it('a nextUpdate more than 12 months after thisUpdate is refused before signing', async () => {
    const recorder = recordingSigner(signer);
    const error = await issueCrl(request({ signer: recorder, nextUpdate: new Date(SIGNING_TIME.getTime() + 367 * DAY) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintFailedError);
    expect((error as LintFailedError).failures.map((f) => f.id)).toEqual(['crl-next-update']);
    expect(recorder.calls).toEqual([]);
  });

  it('certificateHold injected into an entry is refused before signing', async () => {
    const prepared = prepareCrl(request({ revoked: [{ serialNumber: '02', revocationDate: REVOKED_AT, reason: 'keyCompromise' }] }));
    prepared.fields.revoked[0]!.extensions = [reasonCodeExtension(6)];
    const error = await signPreparedCrl(prepared).catch((e: unknown) => e);
    expect((error as LintFailedError).failures).toEqual([expect.objectContaining({ id: 'crl-entry-reason-codes', message: expect.stringContaining('certificateHold') })]);
  });

  it('a serial listed twice, and a revocation dated after thisUpdate, are both named', async () => {
    const later = new Date(SIGNING_TIME.getTime() + DAY);
    const error = await issueCrl(request({ revoked: [{ serialNumber: '03', revocationDate: REVOKED_AT, reason: 'superseded' }, { serialNumber: '03', revocationDate: later, reason: 'superseded' }] })).catch((e: unknown) => e);
    expect((error as LintFailedError).failures.map((f) => f.message)).toEqual(['Serial 03 is listed more than once.', 'Serial 03 has a revocation date after thisUpdate.']);
  });

  it('an unknown reason or a serial that is not hex is refused with its own error', () => {
    expect(() => prepareCrl(request({ revoked: [{ serialNumber: '04', revocationDate: REVOKED_AT, reason: 'lost' as never }] }))).toThrow(expect.objectContaining({ code: 'PKI_REVOCATION_INVALID' }));
    expect(() => prepareCrl(request({ revoked: [{ serialNumber: 'xyz', revocationDate: REVOKED_AT, reason: 'superseded' }] }))).toThrow(expect.objectContaining({ code: 'PKI_REVOCATION_INVALID' }));
  });

  it("a CA whose certificate lacks cRLSign cannot sign a CRL", async () => {
    const audit = softwareSigner({ kind: 'ec', curve: 'P-256' });
    const auditCert = await issueAuditCertificate({ issuerSigner: signer, issuerCertificate: root.der, subjectPublicKey: audit.spki, subject: AUDIT_SUBJECT, validity: { days: 365 }, serialNumbers: testSerials(), signingTime: SIGNING_TIME });
    const error = await issueCrl(request({ signer: audit, issuerCertificate: auditCert.der })).catch((e: unknown) => e);
    expect((error as LintFailedError).failures.map((f) => f.id)).toContain('crl-issuer-can-sign-crls');
  });
});
