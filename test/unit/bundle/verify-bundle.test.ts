import { execSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import type { BundleReport, CheckStatus } from '../../../main/bundle/verify-report.js';
import { softwareSigner } from '../../support/software-signer.js';
import { makeTestPki } from '../transcript/openssl-pki.js';
import { makeSampleBundle, type SampleBundle } from './sample-bundle.js';

function statusOf(report: BundleReport, name: string): CheckStatus | undefined {
  return report.checks.find((c) => c.name === name)?.status;
}

describe('a finished bundle', () => {
  let bundle: SampleBundle;
  beforeAll(async () => {
    bundle = await makeSampleBundle();
  });
  afterAll(() => bundle.cleanup());

  it('passes every check conclave verify makes', async () => {
    const report = await verifyBundle(bundle.dir);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.checks.map((c) => c.name)).toEqual([
      'SHA256SUMS',
      'transcript chain',
      'seal',
      'certificate certs/audit.pem',
      'certificate certs/issuing-ca-1.pem',
      'certificate certs/root.pem',
      'CRL crls/root.crl',
      'backup vs transcript',
      'events vs files',
      'printed transcript',
      'custodian cards',
    ]);
  });

  it.each([
    'sha256sum -c SHA256SUMS',
    'openssl cms -verify -binary -inform DER -in transcript.jsonl.p7s -content transcript.jsonl -CAfile certs/root.pem -purpose any -out /dev/null',
    'openssl verify -x509_strict -check_ss_sig -CAfile certs/root.pem certs/root.pem',
    'openssl verify -x509_strict -CAfile certs/root.pem certs/issuing-ca-1.pem',
    'openssl verify -x509_strict -CAfile certs/root.pem certs/audit.pem',
    'openssl crl -inform DER -in crls/root.crl -CAfile certs/root.pem -noout',
  ])('passes FORMATS.md verbatim: %s', (command) => {
    expect(() => execSync(command, { cwd: bundle.dir, stdio: 'pipe' })).not.toThrow();
  });

  it('passes against the root the auditor trusts, given with --root', async () => {
    const report = await verifyBundle(bundle.dir, { trustedRoot: new X509Certificate(bundle.pki.rootPem) });
    expect(report.verdict).toBe('verified');
    expect(report.checks.find((c) => c.name === 'seal')?.detail).toContain('the root given with --root');
  });

  it('fails against another root: the seal and the bundle root are not the trusted ones', async () => {
    const other = makeTestPki(softwareSigner({ kind: 'ec', curve: 'P-256' }).spki, { rootSubject: '/CN=Another Root' });
    try {
      const report = await verifyBundle(bundle.dir, { trustedRoot: new X509Certificate(other.rootPem) });
      expect(report.verdict).toBe('failed');
      expect(statusOf(report, 'seal')).toBe('fail');
      expect(report.checks.find((c) => c.name === 'certificate certs/root.pem')?.detail).toContain('not the root given with --root');
    } finally {
      other.cleanup();
    }
  });
});

describe('a bundle whose ceremony is still open (or was interrupted)', () => {
  let bundle: SampleBundle;
  beforeAll(async () => {
    bundle = await makeSampleBundle({ sealed: false });
  });
  afterAll(() => bundle.cleanup());

  it('is reported unsealed and incomplete, not as tampering', async () => {
    const report = await verifyBundle(bundle.dir);
    expect(report.verdict).toBe('incomplete');
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.checks.find((c) => c.name === 'seal')).toMatchObject({ status: 'incomplete', detail: expect.stringContaining('unsealed (ceremony open or interrupted)') });
    expect(statusOf(report, 'SHA256SUMS')).toBe('incomplete');
    expect(statusOf(report, 'transcript chain')).toBe('pass');
  });
});

describe('the printed transcript', () => {
  it('is accepted as a PDF', async () => {
    const bundle = await makeSampleBundle({ printed: 'pdf' });
    try {
      const report = await verifyBundle(bundle.dir);
      expect(report.verdict).toBe('verified');
      expect(report.checks.find((c) => c.name === 'printed transcript')?.detail).toMatch(/^transcript\.pdf/);
    } finally {
      bundle.cleanup();
    }
  });

  it('is accepted as its HTML stand-in where no Chromium made the PDF, saying so', async () => {
    const bundle = await makeSampleBundle({ printed: 'html' });
    try {
      const report = await verifyBundle(bundle.dir);
      expect(report.verdict).toBe('verified');
      expect(report.checks.find((c) => c.name === 'printed transcript')?.detail).toContain('HTML stand-in');
    } finally {
      bundle.cleanup();
    }
  });
});
