import { beforeAll, describe, expect, it } from 'vitest';
import { findExtension, readCertificate } from '../../../main/pki/certificate-view.js';
import { parseCsr } from '../../../main/pki/csr.js';
import { readAuthorityKeyIdentifier, readSubjectKeyIdentifier } from '../../../main/pki/extensions/key-identifiers.js';
import { EXTENSION } from '../../../main/pki/extensions/oids.js';
import type { IssuedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { issueCertificateFromCsr } from '../../../main/pki/issue-subordinate-certificate.js';
import { keyIdentifier } from '../../../main/pki/key-identifier.js';
import { LintFailedError } from '../../../main/pki/pki-error.js';
import { softwareSigner } from '../../support/software-signer.js';
import { KEY_TYPES, hex, recordingSigner, rootRequest, subordinateRequest } from './helpers/fixtures.js';
import { certtoolVerifyChain, opensslCsr, opensslText, opensslVerify } from './helpers/openssl.js';

describe.each(KEY_TYPES)('a TLS subordinate CA certificate signed by a $name root', ({ type }) => {
  const signer = softwareSigner(type);
  let root: IssuedCertificate;
  let sub: IssuedCertificate;
  const csr = parseCsr(opensslCsr({ key: 'P-384', subject: '/C=XX/O=Whatever The CSR Says/CN=Not This' }).pem);

  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(signer));
    sub = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr));
  });

  it('openssl verifies it against the root with -x509_strict', () => {
    const verdict = opensslVerify({ ca: root.pem, certificate: sub.pem });
    expect(verdict.ok, verdict.output).toBe(true);
  });

  it('certtool verifies the chain', () => {
    const verdict = certtoolVerifyChain([sub.pem, root.pem]);
    expect(verdict.ok, verdict.output).toBe(true);
  });

  it("takes its subject from the script, not from the CSR, and its key from the CSR", () => {
    expect(sub.summary.subject).toBe('C=DE, O=ACME Example GmbH, CN=ACME Example Issuing CA 2026');
    expect(hex(readCertificate(sub.der).spki)).toBe(hex(csr.spki));
  });

  it("has authorityKeyIdentifier = the root's subjectKeyIdentifier and its own SKI from its key", () => {
    const view = readCertificate(sub.der);
    const rootView = readCertificate(root.der);
    const aki = readAuthorityKeyIdentifier(findExtension(view, EXTENSION.authorityKeyIdentifier)!.value)!;
    const rootSki = readSubjectKeyIdentifier(findExtension(rootView, EXTENSION.subjectKeyIdentifier)!.value)!;
    expect(hex(aki.keyIdentifier!)).toBe(hex(rootSki));
    expect(hex(readSubjectKeyIdentifier(findExtension(view, EXTENSION.subjectKeyIdentifier)!.value)!)).toBe(hex(keyIdentifier(csr.spki)));
    expect(hex(view.issuer.der)).toBe(hex(rootView.subject.der));
  });

  it('openssl reads the TLS subordinate extensions with the right criticality', () => {
    const text = opensslText(sub.pem);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Server Authentication\n/);
    expect(text).toMatch(/X509v3 Certificate Policies: \n\s+Policy: 2\.23\.140\.1\.2\.2\n/);
    expect(text).toMatch(/X509v3 CRL Distribution Points: \n\s+Full Name:\s+URI:http:\/\/pki\.example\.com\/crl\/root\.crl\n/);
    expect(text).toMatch(/Authority Information Access: \n\s+CA Issuers - URI:http:\/\/pki\.example\.com\/certs\/root\.cer\n/);
  });
});

describe('tls-subordinate-ca choices and refusals', () => {
  const signer = softwareSigner({ kind: 'ec', curve: 'P-256' });
  const csr = parseCsr(opensslCsr({ key: 'P-256', addext: ['nameConstraints=critical,permitted;DNS:example.com'] }).pem);
  let root: IssuedCertificate;
  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(signer));
  });

  /** Issues with a recording signer and returns the lint error, proving nothing was signed. */
  async function refused(overrides: Parameters<typeof subordinateRequest>[3]): Promise<LintFailedError> {
    const recorder = recordingSigner(signer);
    const error = await issueCertificateFromCsr(subordinateRequest(recorder, root.der, csr, overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintFailedError);
    expect((error as LintFailedError).phase).toBe('to-be-signed');
    expect(recorder.calls).toEqual([]);
    return error as LintFailedError;
  }

  it('clientAuth may be added to serverAuth', async () => {
    const sub = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { extendedKeyUsages: ['serverAuth', 'clientAuth'] }));
    expect(opensslText(sub.pem)).toMatch(/TLS Web Server Authentication, TLS Web Client Authentication/);
  });

  it('a forbidden purpose (codeSigning) is refused before signing', async () => {
    const error = await refused({ extendedKeyUsages: ['serverAuth', 'codeSigning'] });
    expect(error.failures).toEqual([expect.objectContaining({ id: 'extended-key-usage', message: 'extKeyUsage has codeSigning, which this profile forbids.' })]);
  });

  it('a validity beyond 8 years is refused before signing', async () => {
    const error = await refused({ validity: { days: 2923 } });
    expect(error.failures.map((f) => f.id)).toContain('validity-maximum');
    expect(error.message).toContain('at most 2922 days');
  });

  it("a validity past the root's end is refused before signing", async () => {
    const error = await refused({ validity: { notAfter: new Date(root.summary.notAfter.replace(/^(\d{4})/, (y) => String(Number(y) + 1))) } });
    expect(error.failures.map((f) => f.id)).toContain('validity-within-issuer');
  });

  it('a subject missing O is refused before signing', async () => {
    const error = await refused({ subject: [{ type: 'C', value: 'DE' }, { type: 'CN', value: 'No Organisation CA' }] });
    expect(error.failures).toEqual([expect.objectContaining({ id: 'subject-required-attributes', message: expect.stringContaining('no O') })]);
  });

  it('a subject out of the BR order is refused before signing', async () => {
    const error = await refused({ subject: [{ type: 'CN', value: 'Backwards CA' }, { type: 'O', value: 'ACME' }, { type: 'C', value: 'DE' }] });
    expect(error.failures.map((f) => f.id)).toEqual(['subject-attribute-order']);
  });

  it('no CRL URL, no caIssuers URL and an https CRL URL are each named', async () => {
    const missing = await refused({ crlDistributionPoints: [], caIssuers: [] });
    expect(missing.failures.map((f) => f.id)).toEqual(['crl-distribution-points', 'authority-information-access']);
    const https = await refused({ crlDistributionPoints: ['https://pki.example.com/root.crl'] });
    expect(https.failures[0]!.message).toContain('not an http:// URI');
  });

  it("the CSR's requested extensions are ignored unless the script copies them", async () => {
    const ignored = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr));
    expect(opensslText(ignored.pem)).not.toContain('Name Constraints');
    const copied = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { copyRequestedExtensions: [EXTENSION.nameConstraints] }));
    expect(opensslText(copied.pem)).toMatch(/X509v3 Name Constraints: critical\s+Permitted:\s+DNS:example\.com/);
    expect(opensslVerify({ ca: root.pem, certificate: copied.pem }).ok).toBe(true);
  });

  it('an extension the profile sets itself cannot be copied from the CSR', async () => {
    await expect(issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { copyRequestedExtensions: [EXTENSION.basicConstraints] }))).rejects.toMatchObject({ code: 'PKI_EXTENSION_NOT_COPYABLE' });
  });

  it("a signer that does not hold the issuer certificate's key is refused", async () => {
    const other = softwareSigner({ kind: 'ec', curve: 'P-256' });
    await expect(issueCertificateFromCsr(subordinateRequest(other, root.der, csr))).rejects.toMatchObject({ code: 'PKI_ISSUER_KEY_MISMATCH' });
  });
});

describe('subordinate-ca, for a private PKI', () => {
  it('needs no EKU, policy or locations, accepts any URI scheme, and verifies with openssl', async () => {
    const signer = softwareSigner({ kind: 'rsa', bits: 3072 });
    const root = await issueRootCertificate(rootRequest(signer));
    const csr = parseCsr(opensslCsr({ key: 'rsa:3072' }).pem);
    const sub = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { profile: 'subordinate-ca', policies: undefined, caIssuers: undefined, crlDistributionPoints: ['ldap://ldap.example.com/cn=root'] }));
    const text = opensslText(sub.pem);
    expect(text).not.toContain('Extended Key Usage');
    expect(text).not.toContain('Certificate Policies');
    expect(opensslVerify({ ca: root.pem, certificate: sub.pem }).ok).toBe(true);
    expect(certtoolVerifyChain([sub.pem, root.pem]).ok).toBe(true);
  });

  it('refuses anyExtendedKeyUsage', async () => {
    const signer = softwareSigner({ kind: 'ec', curve: 'P-256' });
    const root = await issueRootCertificate(rootRequest(signer));
    const csr = parseCsr(opensslCsr({ key: 'P-256' }).pem);
    const error = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { profile: 'subordinate-ca', extendedKeyUsages: ['anyExtendedKeyUsage'] })).catch((e: unknown) => e);
    expect((error as LintFailedError).failures.map((f) => f.id)).toEqual(['extended-key-usage']);
  });
});
