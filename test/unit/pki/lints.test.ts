import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../main/pki/certificate-view.js';
import { basicConstraintsExtension } from '../../../main/pki/extensions/basic-constraints.js';
import { extendedKeyUsageExtension } from '../../../main/pki/extensions/extended-key-usage.js';
import { subjectKeyIdentifierExtension } from '../../../main/pki/extensions/key-identifiers.js';
import { KEY_PURPOSE } from '../../../main/pki/extensions/oids.js';
import { signPreparedCertificate, type PreparedCertificate } from '../../../main/pki/issued-certificate.js';
import { prepareAuditCertificate } from '../../../main/pki/issue-audit-certificate.js';
import { issueRootCertificate, prepareRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { runLints } from '../../../main/pki/lints/lint.js';
import { LintFailedError, PkiError } from '../../../main/pki/pki-error.js';
import { rootCaProfile } from '../../../main/pki/profiles/root-ca.js';
import { encodeTbsCertificate } from '../../../main/pki/tbs-certificate.js';
import { softwareSigner } from '../../support/software-signer.js';
import { AUDIT_SUBJECT, SIGNING_TIME, recordingSigner, rootRequest, testSerials } from './helpers/fixtures.js';

const signer = softwareSigner({ kind: 'ec', curve: 'P-256' });

/** Prepares a valid root, lets the test break its TBS, and expects the pre-sign lint to stop it unsigned. */
async function injected(breakIt: (prepared: PreparedCertificate) => void, overrides = {}): Promise<LintFailedError> {
  const recorder = recordingSigner(signer);
  const prepared = await prepareRootCertificate(rootRequest(recorder, overrides));
  breakIt(prepared);
  const error = await signPreparedCertificate(prepared).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LintFailedError);
  expect(error).toMatchObject({ code: 'PKI_LINT_FAILED', phase: 'to-be-signed', profile: 'root-ca' });
  expect(recorder.calls).toEqual([]);
  return error as LintFailedError;
}

const ids = (error: LintFailedError) => error.failures.map((f) => f.id);

describe('a profile violation injected into the TBS is caught before the HSM signs', () => {
  it('an extKeyUsage on a root', async () => {
    const error = await injected((p) => p.fields.extensions.push(extendedKeyUsageExtension([KEY_PURPOSE.serverAuth])));
    expect(ids(error)).toEqual(['extended-key-usage', 'extensions-allowed']);
    expect(error.failures[0]).toEqual({ id: 'extended-key-usage', clause: 'BR §7.1.2.1.2', message: 'extKeyUsage is present; this profile forbids it.' });
  });

  it('a pathLenConstraint on a root', async () => {
    const error = await injected((p) => (p.fields.extensions[0] = basicConstraintsExtension({ ca: true, pathLength: 1 })));
    expect(error.failures).toEqual([expect.objectContaining({ id: 'basic-constraints', message: 'basicConstraints has a pathLenConstraint; this profile must not have one.' })]);
  });

  it('keyUsage not marked critical', async () => {
    const error = await injected((p) => (p.fields.extensions[1] = { ...p.fields.extensions[1]!, critical: false }));
    expect(error.failures).toEqual([expect.objectContaining({ id: 'key-usage', message: 'keyUsage must be critical.' })]);
  });

  it('an extension listed twice', async () => {
    const error = await injected((p) => p.fields.extensions.push(p.fields.extensions[0]!));
    expect(ids(error)).toContain('extensions-well-formed');
  });

  it('a multi-valued RDN in the subject', async () => {
    const atv = (oid: string, value: string) => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.PrintableString({ value })] });
    const multi = new asn1js.Sequence({ value: [new asn1js.Set({ value: [atv('2.5.4.6', 'DE'), atv('2.5.4.10', 'ACME')] }), new asn1js.Set({ value: [atv('2.5.4.3', 'Root')] })] });
    const der = new Uint8Array(multi.toBER(false));
    const error = await injected((p) => {
      p.fields.subjectName = der;
      p.fields.issuerName = der;
    });
    expect(ids(error)).toEqual(['subject-single-valued-rdns']);
  });

  it('a subjectKeyIdentifier that is not the key identifier of the key', async () => {
    const error = await injected((p) => (p.fields.extensions[2] = subjectKeyIdentifierExtension(new Uint8Array(20).fill(7))));
    expect(ids(error)).toEqual(['subject-key-identifier', 'authority-key-identifier']);
  });

  it('a zero serial number', async () => {
    const error = await injected((p) => (p.fields.serialNumber = Uint8Array.of(0)));
    expect(error.failures).toEqual([expect.objectContaining({ id: 'serial-number', message: 'The serial number is zero; it must be positive.' })]);
  });

  it('an RSA signature algorithm for an EC issuer key', async () => {
    const error = await injected((p) => (p.fields.signatureAlgorithm = 'rsa-pkcs1-sha256'));
    expect(ids(error)).toEqual(['signature-algorithm-matches-issuer-key']);
  });

  it('a public key other than the one presented (audit profile)', async () => {
    const root = await issueRootCertificate(rootRequest(signer));
    const recorder = recordingSigner(signer);
    const presented = softwareSigner({ kind: 'ec', curve: 'P-256' }).spki;
    const prepared = await prepareAuditCertificate({ issuerSigner: recorder, issuerCertificate: root.der, subjectPublicKey: presented, subject: AUDIT_SUBJECT, validity: { days: 365 }, serialNumbers: testSerials(), signingTime: SIGNING_TIME });
    prepared.fields.spki = softwareSigner({ kind: 'ec', curve: 'P-256' }).spki;
    const error = await signPreparedCertificate(prepared).catch((e: unknown) => e);
    expect(ids(error as LintFailedError)).toEqual(['subject-public-key-matches-request', 'subject-key-identifier']);
    expect(recorder.calls).toEqual([]);
  });

  it('every failure is listed at once, each with its id, clause and message', async () => {
    const error = await injected(
      (p) => {
        p.fields.extensions.push(extendedKeyUsageExtension([KEY_PURPOSE.serverAuth]));
        p.fields.extensions[1] = { ...p.fields.extensions[1]!, critical: false };
      },
      { subject: [{ type: 'C', value: 'de' }, { type: 'O', value: 'ACME' }, { type: 'OU', value: 'Ops' }, { type: 'CN', value: 'x'.repeat(65) }], validity: { days: 9133 } },
    );
    expect(ids(error)).toEqual([
      'subject-attribute-lengths',
      'subject-country-code',
      'subject-forbidden-attributes',
      'validity-maximum',
      'key-usage',
      'extended-key-usage',
      'extensions-allowed',
    ]);
    for (const failure of error.failures) expect(error.message).toContain(`[${failure.id}] ${failure.message} (${failure.clause})`);
    expect(error.message).toContain('Nothing was signed.');
  });
});

describe('requests outside the root-ca profile are refused with nothing signed', () => {
  async function refused(overrides: Parameters<typeof rootRequest>[1]): Promise<LintFailedError> {
    const recorder = recordingSigner(signer);
    const error = await issueRootCertificate(rootRequest(recorder, overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintFailedError);
    expect(recorder.calls).toEqual([]);
    return error as LintFailedError;
  }

  it('a validity beyond 9132 days (25 years)', async () => {
    expect(ids(await refused({ validity: { days: 9133 } }))).toEqual(['validity-maximum']);
  });

  it('a validity under 2922 days (8 years)', async () => {
    expect(ids(await refused({ validity: { days: 365 } }))).toEqual(['validity-minimum']);
  });

  it('a notBefore more than a day before signing, unless the script widens the window', async () => {
    const notBefore = new Date(SIGNING_TIME.getTime() - 3 * 86_400_000);
    expect(ids(await refused({ validity: { notBefore, days: 9000 } }))).toEqual(['not-before-near-signing']);
    await expect(issueRootCertificate(rootRequest(signer, { validity: { notBefore, days: 9000 }, notBeforeWindowDays: 7 }))).resolves.toBeDefined();
  });

  it('a subject missing CN', async () => {
    const error = await refused({ subject: [{ type: 'C', value: 'DE' }, { type: 'O', value: 'ACME' }] });
    expect(error.failures).toEqual([expect.objectContaining({ id: 'subject-required-attributes', message: 'The subject has no CN; this profile requires C, O, CN.' })]);
  });

  it('SHA-1 asked for, with its own error', async () => {
    const recorder = recordingSigner(softwareSigner({ kind: 'rsa', bits: 2048 }));
    await expect(issueRootCertificate(rootRequest(recorder, { signature: { hash: 'sha1' } }))).rejects.toMatchObject({ code: 'PKI_SHA1_REFUSED' });
    expect(recorder.calls).toEqual([]);
  });
});

describe('after signing', () => {
  it('a signature that does not verify with the issuer key is caught and the certificate discarded', async () => {
    const liar = { ...signer, sign: softwareSigner({ kind: 'ec', curve: 'P-256' }).sign };
    await expect(issueRootCertificate(rootRequest(liar))).rejects.toMatchObject({ code: 'PKI_SIGNATURE_CHECK_FAILED' });
  });

  it('a signer that returns bytes that are not a signature is caught', async () => {
    const broken = { ...signer, sign: async () => new Uint8Array(63) };
    await expect(issueRootCertificate(rootRequest(broken))).rejects.toBeInstanceOf(PkiError);
  });

  it('the lints run on the final DER too: a signatureAlgorithm that differs from the TBS is named', async () => {
    const root = await issueRootCertificate(rootRequest(signer));
    const der = Buffer.from(root.der);
    const outer = Buffer.from('300a06082a8648ce3d040302', 'hex');
    const at = der.lastIndexOf(outer);
    der.set(Buffer.from('300a06082a8648ce3d040303', 'hex'), at);
    const view = readCertificate(new Uint8Array(der));
    const failures = runLints(rootCaProfile.lints, view, { signingTime: SIGNING_TIME, issuer: view, selfSigned: true, subjectSpki: signer.spki, notBeforeWindowSeconds: 86_400, copiedExtensions: [] });
    expect(failures.map((f) => f.id)).toEqual(['signature-algorithm-fields-match']);
  });

  it('a lint that cannot run is reported, never a crash', () => {
    const failures = runLints([{ id: 'exploding', clause: 'test', check: () => { throw new Error('boom'); } }], { signed: undefined }, {});
    expect(failures).toEqual([{ id: 'exploding', clause: 'test', message: 'the lint could not run: boom' }]);
  });

  it('the signed TBS is exactly the linted TBS', async () => {
    const prepared = await prepareRootCertificate(rootRequest(signer));
    const root = await signPreparedCertificate(prepared);
    expect(Buffer.from(readCertificate(root.der).tbsDer).equals(encodeTbsCertificate(prepared.fields))).toBe(true);
  });
});
