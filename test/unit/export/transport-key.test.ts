import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportError } from '../../../main/export/export-error.js';
import { readTransportKey } from '../../../main/export/transport-key.js';

// A transport key comes as a certificate or a public key, PEM or DER; whatever
// the form, the fingerprint is the SHA-256 of the SPKI DER, as
// `openssl pkey -pubin -outform DER | sha256sum` prints it.

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spkiDer = rsa.publicKey.export({ type: 'spki', format: 'der' });
const fingerprint = createHash('sha256').update(spkiDer).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'conclave-transport-key-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refused(bytes: Uint8Array | string, code: string): string {
  try {
    readTransportKey(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, 'key.pem');
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe(code);
    return (error as ExportError).message;
  }
  throw new Error('the key was accepted');
}

describe('readTransportKey', () => {
  it('reads a PKCS#1 RSA PUBLIC KEY, PEM and DER, to the same SPKI fingerprint', () => {
    const pem = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const der = rsa.publicKey.export({ type: 'pkcs1', format: 'der' });
    expect(readTransportKey(new TextEncoder().encode(pem), 'k.pem')).toMatchObject({ form: 'pkcs1', encoding: 'pem', bits: 2048, spkiSha256: fingerprint });
    expect(readTransportKey(new Uint8Array(der), 'k.der')).toMatchObject({ form: 'pkcs1', encoding: 'der', spkiSha256: fingerprint });
  });

  it('reads a DER certificate and shows its subject', () => {
    const keyFile = join(dir, 'k.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile], { stdio: 'pipe' });
    execFileSync('openssl', ['req', '-x509', '-new', '-key', keyFile, '-subj', '/O=Destination/CN=Transport', '-days', '2', '-outform', 'DER', '-out', join(dir, 'c.der')], { stdio: 'pipe' });
    const key = readTransportKey(new Uint8Array(readFileSync(join(dir, 'c.der'))), 'c.der');
    const expected = createHash('sha256').update(execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-outform', 'DER'])).digest('hex');
    expect(key).toMatchObject({ form: 'certificate', encoding: 'der', spkiSha256: expected });
    expect(key.certificate?.subject).toBe('O=Destination, CN=Transport');
  });

  it('refuses an RSA-PSS key: it can only sign', () => {
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    expect(refused(pss.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'TRANSPORT_KEY_NOT_RSA')).toMatch(/RSA-PSS key \(signature only\)/);
  });

  it('refuses an Ed25519 key', () => {
    const ed = generateKeyPairSync('ed25519');
    expect(refused(ed.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'TRANSPORT_KEY_NOT_RSA')).toMatch(/ed25519 key/);
  });

  it('refuses a private key in DER (PKCS#8 or PKCS#1), naming it, where node:crypto would derive its public key', () => {
    expect(refused(new Uint8Array(rsa.privateKey.export({ type: 'pkcs8', format: 'der' })), 'TRANSPORT_KEY_INVALID')).toMatch(/holds a PRIVATE key \(DER\).*must never leave the destination/);
    expect(refused(new Uint8Array(rsa.privateKey.export({ type: 'pkcs1', format: 'der' })), 'TRANSPORT_KEY_INVALID')).toMatch(/holds a PRIVATE key \(DER\)/);
  });

  it('refuses DER that is no key at all', () => {
    expect(refused(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), 'TRANSPORT_KEY_INVALID')).toMatch(/DER but neither a certificate nor a public key/);
  });

  it('refuses two PEM blocks in one file', () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(refused(pem + pem, 'TRANSPORT_KEY_INVALID')).toMatch(/holds 2 PEM blocks/);
  });

  it('refuses a PEM block of another kind', () => {
    expect(refused('-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n', 'TRANSPORT_KEY_INVALID')).toMatch(/is a PEM "X509 CRL", not a certificate or a public key/);
  });

  it('refuses a damaged PEM public key', () => {
    expect(refused('-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n', 'TRANSPORT_KEY_INVALID')).toMatch(/could not be read.*ask the destination for it again/);
  });
});
