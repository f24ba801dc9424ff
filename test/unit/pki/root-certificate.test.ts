import { describe, expect, it } from 'vitest';
import { readCertificate, findExtension } from '../../../main/pki/certificate-view.js';
import { EXTENSION } from '../../../main/pki/extensions/oids.js';
import { readAuthorityKeyIdentifier, readSubjectKeyIdentifier } from '../../../main/pki/extensions/key-identifiers.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { keyIdentifier } from '../../../main/pki/key-identifier.js';
import { signatureAlgorithmIdentifier, publicKeyAlgorithmIdentifier } from '../../../main/pki/algorithms.js';
import { softwareSigner } from '../../support/software-signer.js';
import { KEY_TYPES, SIGNING_TIME, containsBytes, hex, rootRequest } from './helpers/fixtures.js';
import { certtoolVerifyChain, opensslText, opensslVerify } from './helpers/openssl.js';

describe.each(KEY_TYPES)('a root CA certificate for $name', ({ type }) => {
  const signer = softwareSigner(type);
  const issued = issueRootCertificate(rootRequest(signer));

  it('openssl verifies it as a self-signed root with -x509_strict -check_ss_sig', async () => {
    const root = await issued;
    const verdict = opensslVerify({ ca: root.pem, certificate: root.pem, flags: ['-check_ss_sig'] });
    expect(verdict.output).toContain('OK');
    expect(verdict.ok).toBe(true);
  });

  it('certtool verifies it', async () => {
    const verdict = certtoolVerifyChain([(await issued).pem]);
    expect(verdict.ok, verdict.output).toBe(true);
  });

  it('carries the BR byte strings for its public key and signature AlgorithmIdentifiers', async () => {
    const root = await issued;
    const view = readCertificate(root.der);
    const expected = type.kind === 'ec' ? `ecdsa-${{ 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' }[type.curve]}` : 'rsa-pkcs1-sha256';
    expect(hex(view.signature)).toBe(hex(signatureAlgorithmIdentifier(expected as never)));
    expect(hex(view.signed!.signatureAlgorithm)).toBe(hex(view.signature));
    expect(containsBytes(view.spki, publicKeyAlgorithmIdentifier(type))).toBe(true);
  });

  it('has issuer equal to subject byte for byte', async () => {
    const view = readCertificate((await issued).der);
    expect(hex(view.issuer.der)).toBe(hex(view.subject.der));
  });

  it('openssl reads basicConstraints and keyUsage as critical, the key identifiers as non-critical, and no EKU', async () => {
    const text = opensslText((await issued).pem);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE\n/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign\n/);
    expect(text).toMatch(/X509v3 Subject Key Identifier: \n/);
    expect(text).toMatch(/X509v3 Authority Key Identifier: \n/);
    expect(text).not.toContain('Extended Key Usage');
    expect(text).not.toContain('pathlen');
  });

  it('has subjectKeyIdentifier = authorityKeyIdentifier = the key identifier the HSM uses as CKA_ID', async () => {
    const view = readCertificate((await issued).der);
    const ski = readSubjectKeyIdentifier(findExtension(view, EXTENSION.subjectKeyIdentifier)!.value)!;
    const aki = readAuthorityKeyIdentifier(findExtension(view, EXTENSION.authorityKeyIdentifier)!.value)!;
    expect(hex(ski)).toBe(hex(keyIdentifier(signer.spki)));
    expect(hex(aki.keyIdentifier!)).toBe(hex(ski));
    expect(aki.hasIssuerAndSerial).toBe(false);
  });

  it('starts at the signing time and is encoded in single-valued RDNs', async () => {
    const view = readCertificate((await issued).der);
    expect(view.notBefore.date.toISOString()).toBe(SIGNING_TIME.toISOString());
    expect(view.subject.rdns.every((rdn) => rdn.length === 1)).toBe(true);
  });
});

describe('root options', () => {
  it('digitalSignature may be added to keyUsage', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-256' }), { digitalSignature: true }));
    expect(opensslText(root.pem)).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Certificate Sign, CRL Sign\n/);
  });

  it.each(['sha256', 'sha384', 'sha512'])('an RSA root signed with RSA-PSS and %s verifies with openssl', async (hash) => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'rsa', bits: 3072 }), { signature: { hash, rsaPadding: 'pss' } }));
    expect(hex(readCertificate(root.der).signature)).toBe(hex(signatureAlgorithmIdentifier(`rsa-pss-${hash}` as never)));
    expect(opensslVerify({ ca: root.pem, certificate: root.pem, flags: ['-check_ss_sig'] }).ok).toBe(true);
  });

  it.each(['sha384', 'sha512'])('an RSA root signed with PKCS#1 v1.5 and %s carries the NULL parameter', async (hash) => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'rsa', bits: 3072 }), { signature: { hash } }));
    expect(hex(readCertificate(root.der).signature)).toMatch(/0500$/);
    expect(opensslVerify({ ca: root.pem, certificate: root.pem, flags: ['-check_ss_sig'] }).ok).toBe(true);
  });
});
