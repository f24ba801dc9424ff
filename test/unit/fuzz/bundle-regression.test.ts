import { X509Certificate, createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { makeSampleBundle, type SampleBundle } from '../bundle/sample-bundle.js';

// Found by the bundle fuzz (test/fuzz/targets/bundle.ts): with certs/root.pem
// damaged and SHA256SUMS made to match, `conclave verify` crashed with a
// TypeError (a trusted root that is not self-issued has nothing above it) or
// with OpenSSL's "decode error" (a public key read only when first used).
// Each must be a failed check that names the file.
describe('conclave verify on a bundle whose root certificate was replaced', () => {
  let sample: SampleBundle;
  beforeEach(async () => {
    sample = await makeSampleBundle();
  });
  afterEach(() => sample.cleanup());

  const rewriteSums = (...paths: string[]) => {
    const sums = join(sample.dir, 'SHA256SUMS');
    const lines = readFileSync(sums, 'utf8').split('\n');
    for (const path of paths) {
      const at = lines.findIndex((l) => l.endsWith(`  ${path}`));
      lines[at] = `${createHash('sha256').update(readFileSync(join(sample.dir, path))).digest('hex')}  ${path}`;
    }
    writeFileSync(sums, lines.join('\n'));
  };

  it('by a certificate that is not self-issued: certs/root.pem fails as not self-issued', async () => {
    copyFileSync(join(sample.dir, 'certs', 'issuing-ca-1.pem'), join(sample.dir, 'certs', 'root.pem'));
    copyFileSync(join(sample.dir, 'certs', 'issuing-ca-1.der'), join(sample.dir, 'certs', 'root.der'));
    rewriteSums('certs/root.pem', 'certs/root.der');
    const report = await verifyBundle(sample.dir);
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.name === 'certificate certs/root.pem')?.detail).toMatch(/not self-issued/);
  });

  it('by one whose public key is damaged: certs/root.pem fails as unreadable', async () => {
    const der = Buffer.from(new X509Certificate(readFileSync(join(sample.dir, 'certs', 'root.pem'))).raw);
    const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
    // The last byte of the EC point: the point is no longer on the curve.
    der[der.indexOf(spki) + spki.length - 1]! ^= 0x01;
    writeFileSync(join(sample.dir, 'certs', 'root.pem'), `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`);
    writeFileSync(join(sample.dir, 'certs', 'root.der'), der);
    rewriteSums('certs/root.pem', 'certs/root.der');
    const report = await verifyBundle(sample.dir);
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.name === 'certificate certs/root.pem')?.detail).toMatch(/public key cannot be read/);
  });
});
