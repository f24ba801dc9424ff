import * as asn1js from 'asn1js';
import { randomBytes } from 'node:crypto';
import { AlgorithmIdentifier, Certificate, PublicKeyInfo, RelativeDistinguishedNames } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCertificate, readSignedCertificate, readTbsCertificate } from '../../../main/pki/certificate-view.js';
import { parseCsr } from '../../../main/pki/csr.js';
import { basicConstraintsExtension } from '../../../main/pki/extensions/basic-constraints.js';
import { crlDistributionPointsExtension } from '../../../main/pki/extensions/crl-distribution-points.js';
import { signatureAlgorithmIdentifier } from '../../../main/pki/algorithms.js';
import type { IssuedCertificate } from '../../../main/pki/issued-certificate.js';
import { issueRootCertificate, prepareRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { issueCertificateFromCsr, prepareCertificateFromCsr } from '../../../main/pki/issue-subordinate-certificate.js';
import { keyIdentifier } from '../../../main/pki/key-identifier.js';
import { RecentResults } from '../../../main/pki/recent-results.js';
import { SerialNumberAllocator } from '../../../main/pki/serial-numbers.js';
import { encodeTbsCertificate, pkiTime, toPkiExtension, type TbsCertificateFields } from '../../../main/pki/tbs-certificate.js';
import { softwareSigner } from '../../support/software-signer.js';
import { hex, recordingSigner, rootRequest, subordinateRequest } from './helpers/fixtures.js';
import { opensslCsr, opensslVerify } from './helpers/openssl.js';

/** The TBS as pkijs's Certificate.encodeTBS writes it: the reference the direct encoder must match. */
function pkijsTbs(fields: TbsCertificateFields): Uint8Array {
  const parse = (der: Uint8Array) => asn1js.fromBER(der).result;
  const certificate = new Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: fields.serialNumber }),
    signature: new AlgorithmIdentifier({ schema: parse(signatureAlgorithmIdentifier(fields.signatureAlgorithm)) }),
    issuer: new RelativeDistinguishedNames({ schema: parse(fields.issuerName) }),
    notBefore: pkiTime(fields.validity.notBefore),
    notAfter: pkiTime(fields.validity.notAfter),
    subject: new RelativeDistinguishedNames({ schema: parse(fields.subjectName) }),
    subjectPublicKeyInfo: new PublicKeyInfo({ schema: parse(fields.spki) }),
    ...(fields.extensions.length > 0 ? { extensions: fields.extensions.map(toPkiExtension) } : {}),
  });
  return new Uint8Array(certificate.encodeTBS().toBER(false));
}

const signer = softwareSigner({ kind: 'ec', curve: 'P-384' });
const csr = parseCsr(opensslCsr({ key: 'P-256', subject: '/CN=Requester' }).pem);

describe('the TBS encoder', () => {
  it('writes a root TBS byte for byte as pkijs does', async () => {
    const prepared = await prepareRootCertificate(rootRequest(signer));
    expect(hex(encodeTbsCertificate(prepared.fields))).toBe(hex(pkijsTbs(prepared.fields)));
  });

  it('writes a subordinate TBS with long extensions, a GeneralizedTime and no extensions at all as pkijs does', async () => {
    const root = await issueRootCertificate(rootRequest(signer));
    const prepared = await prepareCertificateFromCsr(subordinateRequest(signer, root.der, csr));
    const urls = Array.from({ length: 12 }, (_, i) => `http://crl${i}.example.com/a-rather-long-path/root-${i}.crl`);
    const long: TbsCertificateFields = {
      ...prepared.fields,
      validity: { notBefore: new Date('2049-12-31T23:59:59Z'), notAfter: new Date('2050-01-01T00:00:00Z') },
      extensions: [...prepared.fields.extensions, crlDistributionPointsExtension(urls), basicConstraintsExtension({ ca: true, pathLength: 3 })],
    };
    expect(hex(encodeTbsCertificate(prepared.fields))).toBe(hex(pkijsTbs(prepared.fields)));
    expect(hex(encodeTbsCertificate(long))).toBe(hex(pkijsTbs(long)));
    expect(hex(encodeTbsCertificate({ ...long, extensions: [] }))).toBe(hex(pkijsTbs({ ...long, extensions: [] })));
  });
});

describe('a batch of certificates under one issuer', () => {
  let root: IssuedCertificate;
  const serials = new SerialNumberAllocator(async (n) => new Uint8Array(randomBytes(n)));

  beforeAll(async () => {
    root = await issueRootCertificate(rootRequest(signer));
  });

  it('gives certificates that openssl verifies under the root, each with its own serial', async () => {
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push(await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr, { serialNumbers: serials })));
    for (const sub of issued) expect(opensslVerify({ ca: root.pem, certificate: sub.pem }).ok).toBe(true);
    expect(new Set(issued.map((c) => c.summary.serialNumber)).size).toBe(3);
  });

  it('still refuses a signer that does not hold the issuer key once the issuer certificate has been read', async () => {
    await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr));
    const other = recordingSigner(softwareSigner({ kind: 'ec', curve: 'P-384' }));
    await expect(issueCertificateFromCsr(subordinateRequest(other, root.der, csr))).rejects.toMatchObject({ code: 'PKI_ISSUER_KEY_MISMATCH' });
    expect(other.calls).toEqual([]);
  });

  it('reads an issuer buffer that was wiped after use afresh, and refuses it', async () => {
    const der = new Uint8Array(root.der);
    await issueCertificateFromCsr(subordinateRequest(signer, der, csr));
    der.fill(0);
    await expect(issueCertificateFromCsr(subordinateRequest(signer, der, csr))).rejects.toMatchObject({ code: 'PKI_NOT_PEM_OR_DER' });
  });

  it('keeps the issuer it read intact when a prepared certificate is changed', async () => {
    const prepared = await prepareCertificateFromCsr(subordinateRequest(signer, root.der, csr));
    prepared.fields.issuerName.fill(0x41);
    const sub = await issueCertificateFromCsr(subordinateRequest(signer, root.der, csr));
    expect(sub.summary.issuer).toBe(root.summary.subject);
  });
});

describe('reading the signed certificate around the linted TBS', () => {
  it('gives the same view as reading the whole certificate', async () => {
    const root = await issueRootCertificate(rootRequest(signer));
    const full = readCertificate(root.der);
    expect(readSignedCertificate(root.der, readTbsCertificate(full.tbsDer))).toEqual(full);
  });

  it('reads the certificate in full when it carries other TBS bytes than the ones linted', async () => {
    const first = await issueRootCertificate(rootRequest(signer));
    const second = await issueRootCertificate(rootRequest(signer));
    const view = readSignedCertificate(second.der, readTbsCertificate(readCertificate(first.der).tbsDer));
    expect(view).toEqual(readCertificate(second.der));
    expect(hex(view.serialNumber)).toBe(second.summary.serialNumber);
  });

  it('refuses a certificate that is not strict DER, as a full read does', async () => {
    const root = await issueRootCertificate(rootRequest(signer));
    const tbsView = readTbsCertificate(readCertificate(root.der).tbsDer);
    const trailing = new Uint8Array([...root.der, 0]);
    expect(() => readSignedCertificate(trailing, tbsView)).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED_CERTIFICATE' }));
  });
});

describe('results remembered for recent inputs', () => {
  it('answers equal bytes from memory and drops the oldest input beyond its capacity', () => {
    const computed: string[] = [];
    const recent = new RecentResults<string>(2);
    const compute = (bytes: Uint8Array) => {
      computed.push(hex(bytes));
      return hex(bytes);
    };
    for (const b of [1, 2, 1, 3, 2, 1]) recent.get(Uint8Array.of(b), compute);
    expect(computed).toEqual(['01', '02', '03', '02', '01']);
  });

  it('hands out a key identifier that the caller may change without changing the next one', () => {
    const first = keyIdentifier(csr.spki);
    const expected = hex(first);
    first.fill(0);
    expect(hex(keyIdentifier(csr.spki))).toBe(expected);
  });
});
