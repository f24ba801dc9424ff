import { describe, expect, it } from 'vitest';
import { colonHex } from '../../../main/pki/fingerprint.js';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { summarizeCertificate } from '../../../main/pki/summary.js';
import { softwareSigner } from '../../support/software-signer.js';
import { rootRequest } from './helpers/fixtures.js';
import { opensslX509 } from './helpers/openssl.js';

describe('the certificate summary for the UI and the transcript', () => {
  it('matches what openssl reports: fingerprint, serial, dates, subject', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-384' })));
    const s = root.summary;
    expect(opensslX509(root.pem, ['-fingerprint', '-sha256'])).toBe(`sha256 Fingerprint=${colonHex(root.sha256)}`);
    expect(opensslX509(root.pem, ['-serial'])).toBe(`serial=${s.serialNumber.toUpperCase()}`);
    expect(new Date(opensslX509(root.pem, ['-startdate']).replace('notBefore=', '')).toISOString()).toBe(s.notBefore);
    expect(new Date(opensslX509(root.pem, ['-enddate']).replace('notAfter=', '')).toISOString()).toBe(s.notAfter);
    expect(opensslX509(root.pem, ['-subject', '-nameopt', 'utf8,sep_comma_plus_space'])).toBe(`subject=${s.subject}`);
  });

  it('names the key, the algorithm and every extension with its criticality', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-384' })));
    expect(summarizeCertificate(root.der)).toMatchObject({
      publicKey: 'EC P-384',
      signatureAlgorithm: 'ecdsa-sha384',
      isCa: true,
      selfIssued: true,
      extensions: [
        { name: 'basicConstraints', critical: true, value: 'CA:TRUE' },
        { name: 'keyUsage', critical: true, value: 'keyCertSign, cRLSign' },
        { name: 'subjectKeyIdentifier', critical: false, value: expect.stringMatching(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/) },
        { name: 'authorityKeyIdentifier', critical: false, value: expect.stringMatching(/^keyid:/) },
      ],
    });
  });

  it('gives the PEM and DER of the same certificate, with the SHA-256 of the DER', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-256' })));
    const fromPem = Buffer.from(root.pem.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64');
    expect(fromPem.equals(root.der)).toBe(true);
    expect(root.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
    expect(root.summary.sha256).toBe(root.sha256);
  });
});
