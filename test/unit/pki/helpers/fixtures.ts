import { randomBytes } from 'node:crypto';
import type { KeyPairType, SignatureAlgorithm } from '../../../../main/hsm/key-spec.js';
import type { Signer } from '../../../../main/hsm/signer.js';
import type { ParsedCsr } from '../../../../main/pki/csr.js';
import type { RootCertificateRequest } from '../../../../main/pki/issue-root-certificate.js';
import type { CertificateFromCsrRequest } from '../../../../main/pki/issue-subordinate-certificate.js';
import type { DistinguishedName } from '../../../../main/pki/names.js';
import { SerialNumberAllocator } from '../../../../main/pki/serial-numbers.js';

/** A fixed signing time, so validity windows are exact in the tests. */
export const SIGNING_TIME = new Date('2026-11-29T18:00:00Z');

export const ROOT_SUBJECT: DistinguishedName = [
  { type: 'C', value: 'DE' },
  { type: 'O', value: 'ACME Example GmbH' },
  { type: 'CN', value: 'ACME Example Root CA 2026' },
];

export const SUBORDINATE_SUBJECT: DistinguishedName = [
  { type: 'C', value: 'DE' },
  { type: 'O', value: 'ACME Example GmbH' },
  { type: 'CN', value: 'ACME Example Issuing CA 2026' },
];

export const AUDIT_SUBJECT: DistinguishedName = [
  { type: 'C', value: 'DE' },
  { type: 'O', value: 'ACME Example GmbH' },
  { type: 'CN', value: 'ACME Example Ceremony Audit 2026' },
];

export const CRL_URL = 'http://pki.example.com/crl/root.crl';
export const ISSUER_URL = 'http://pki.example.com/certs/root.cer';

/** Serial numbers from node's CSPRNG (the HSM's RNG in a ceremony). */
export function testSerials(): SerialNumberAllocator {
  return new SerialNumberAllocator(async (n) => new Uint8Array(randomBytes(n)));
}

/** The key types the issue asks every issuance to be tested with. */
export const KEY_TYPES: { name: string; type: KeyPairType }[] = [
  { name: 'EC P-256', type: { kind: 'ec', curve: 'P-256' } },
  { name: 'EC P-384', type: { kind: 'ec', curve: 'P-384' } },
  { name: 'EC P-521', type: { kind: 'ec', curve: 'P-521' } },
  { name: 'RSA 3072', type: { kind: 'rsa', bits: 3072 } },
  { name: 'RSA 4096', type: { kind: 'rsa', bits: 4096 } },
];

/** A signer that records every call, to prove that nothing was signed. */
export function recordingSigner(inner: Signer): Signer & { calls: SignatureAlgorithm[] } {
  const calls: SignatureAlgorithm[] = [];
  return {
    keyType: inner.keyType,
    spki: inner.spki,
    keyId: inner.keyId,
    calls,
    sign: (algorithm, message) => {
      calls.push(algorithm);
      return inner.sign(algorithm, message);
    },
  };
}

/** Whether `needle` occurs in `haystack` byte for byte (for exact-encoding assertions). */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** A root request as a root-key-generation script would make it, with fixed time; override any field. */
export function rootRequest(signer: Signer, overrides: Partial<RootCertificateRequest> = {}): RootCertificateRequest {
  return { signer, subject: ROOT_SUBJECT, validity: { days: 9131 }, serialNumbers: testSerials(), signingTime: SIGNING_TIME, ...overrides };
}

/** A tls-subordinate-ca request from a CSR, as a script would give it; override any field. */
export function subordinateRequest(issuerSigner: Signer, issuerCertificate: Uint8Array, csr: ParsedCsr, overrides: Partial<CertificateFromCsrRequest> = {}): CertificateFromCsrRequest {
  return {
    profile: 'tls-subordinate-ca',
    issuerSigner,
    issuerCertificate,
    csr,
    subject: SUBORDINATE_SUBJECT,
    validity: { days: 1826 },
    serialNumbers: testSerials(),
    signingTime: SIGNING_TIME,
    crlDistributionPoints: [CRL_URL],
    caIssuers: [ISSUER_URL],
    policies: ['2.23.140.1.2.2'],
    ...overrides,
  };
}
