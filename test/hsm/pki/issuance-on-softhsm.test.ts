import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { KeyPairInfo } from '../../../main/hsm/key-spec.js';
import { issueCrl, type IssuedCrl } from '../../../main/pki/crl.js';
import { parseCsr } from '../../../main/pki/csr.js';
import { issueAuditCertificate } from '../../../main/pki/issue-audit-certificate.js';
import type { IssuedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { issueCertificateFromCsr } from '../../../main/pki/issue-subordinate-certificate.js';
import { SerialNumberAllocator } from '../../../main/pki/serial-numbers.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { AUDIT_SUBJECT, CRL_URL, ISSUER_URL, KEY_TYPES, ROOT_SUBJECT, SUBORDINATE_SUBJECT } from '../../unit/pki/helpers/fixtures.js';
import { certtoolVerifyChain, opensslCrlVerify, opensslCsr, opensslText, opensslVerify } from '../../unit/pki/helpers/openssl.js';

const DAY = 86_400_000;

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;

beforeAll(async () => {
  store = createTokenStore(['pki']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'pki' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe.each(KEY_TYPES)('a $name root key in SoftHSM', ({ name, type }) => {
  const label = name.replace(/\W+/g, '-').toLowerCase();
  let rootKey: KeyPairInfo;
  let root: IssuedCertificate;
  let subordinate: IssuedCertificate;
  let second: IssuedCertificate;
  let audit: IssuedCertificate;
  let crl: IssuedCrl;

  beforeAll(async () => {
    const serialNumbers = new SerialNumberAllocator((n) => session.random(n));
    rootKey = await session.generateKeyPair({ label: `root-${label}`, type, extractable: false });
    const auditKey = await session.generateKeyPair({ label: `audit-${label}`, type, extractable: false });
    const signer = await session.signer(`root-${label}`);
    root = await issueRootCertificate({ signer, subject: ROOT_SUBJECT, validity: { days: 9131 }, serialNumbers });
    const fromCsr = (csrPem: string) =>
      issueCertificateFromCsr({
        profile: 'tls-subordinate-ca',
        issuerSigner: signer,
        issuerCertificate: root.der,
        csr: parseCsr(csrPem),
        subject: SUBORDINATE_SUBJECT,
        validity: { days: 1826 },
        serialNumbers,
        crlDistributionPoints: [CRL_URL],
        caIssuers: [ISSUER_URL],
        policies: ['2.23.140.1.2.2'],
      });
    subordinate = await fromCsr(opensslCsr({ key: 'P-384' }).pem);
    second = await fromCsr(opensslCsr({ key: 'rsa:3072' }).pem);
    audit = await issueAuditCertificate({ issuerSigner: signer, issuerCertificate: root.der, subjectPublicKey: auditKey.spki, subject: AUDIT_SUBJECT, validity: { days: 3652 }, serialNumbers });
    const now = new Date();
    crl = await issueCrl({
      signer,
      issuerCertificate: root.der,
      revoked: [
        { serialNumber: subordinate.summary.serialNumber, revocationDate: now, reason: 'keyCompromise' },
        { serialNumber: second.summary.serialNumber, revocationDate: now, reason: 'superseded' },
      ],
      nextUpdate: new Date(now.getTime() + 365 * DAY),
      crlNumber: 1n,
    });
  });

  it('the root passes openssl verify -x509_strict -check_ss_sig', () => {
    const verdict = opensslVerify({ ca: root.pem, certificate: root.pem, flags: ['-check_ss_sig'] });
    expect(verdict.ok, verdict.output).toBe(true);
  });

  it("the root's subjectKeyIdentifier is the key's CKA_ID on the token", () => {
    const ski = root.summary.extensions.find((e) => e.name === 'subjectKeyIdentifier')!.value;
    expect(ski.replaceAll(':', '').toLowerCase()).toBe(rootKey.id);
  });

  it('the subordinate from an openssl CSR and the audit certificate pass openssl verify -x509_strict -CAfile', () => {
    for (const certificate of [subordinate, second, audit]) {
      const verdict = opensslVerify({ ca: root.pem, certificate: certificate.pem, flags: ['-purpose', 'any'] });
      expect(verdict.ok, verdict.output).toBe(true);
    }
  });

  it('the CRL passes openssl crl -CAfile', () => {
    expect(opensslCrlVerify(crl.der, root.pem).output).toContain('verify OK');
  });

  it('openssl verify -crl_check finds both revoked serials revoked and the audit certificate good', () => {
    for (const revoked of [subordinate, second]) {
      const verdict = opensslVerify({ ca: root.pem, certificate: revoked.pem, crls: [crl.pem], flags: ['-crl_check'] });
      expect(verdict.ok).toBe(false);
      expect(verdict.output).toContain('certificate revoked');
    }
    const good = opensslVerify({ ca: root.pem, certificate: audit.pem, crls: [crl.pem], flags: ['-crl_check', '-purpose', 'any'] });
    expect(good.ok, good.output).toBe(true);
  });

  it('certtool --verify-chain accepts the subordinate and the audit chains', () => {
    for (const leaf of [subordinate, audit]) {
      const verdict = certtoolVerifyChain([leaf.pem, root.pem]);
      expect(verdict.ok, verdict.output).toBe(true);
    }
  });

  it('every signature uses the algorithm the BR pair with the key', () => {
    const expected = type.kind === 'ec' ? `ecdsa-${{ 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' }[type.curve]}` : 'rsa-pkcs1-sha256';
    for (const c of [root, subordinate, audit]) expect(c.summary.signatureAlgorithm).toBe(expected);
    expect(crl.summary.signatureAlgorithm).toBe(expected);
    expect(opensslText(root.pem)).toContain(type.kind === 'ec' ? 'ecdsa-with-SHA' : 'sha256WithRSAEncryption');
  });
});

describe('RSA-PSS where the script asks for it', () => {
  it.each(['sha256', 'sha384', 'sha512'])('an RSA 3072 root signed in SoftHSM with RSASSA-PSS and %s passes openssl verify -check_ss_sig', async (hash) => {
    await session.generateKeyPair({ label: `root-pss-${hash}`, type: { kind: 'rsa', bits: 3072 }, extractable: false });
    const root = await issueRootCertificate({
      signer: await session.signer(`root-pss-${hash}`),
      subject: ROOT_SUBJECT,
      validity: { days: 9131 },
      serialNumbers: new SerialNumberAllocator((n) => session.random(n)),
      signature: { hash, rsaPadding: 'pss' },
    });
    expect(root.summary.signatureAlgorithm).toBe(`rsa-pss-${hash}`);
    const verdict = opensslVerify({ ca: root.pem, certificate: root.pem, flags: ['-check_ss_sig'] });
    expect(verdict.ok, verdict.output).toBe(true);
  });
});
