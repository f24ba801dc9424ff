import { describe, expect, it } from 'vitest';
import { parseCsr } from '../../../main/pki/csr.js';
import { EXTENSION } from '../../../main/pki/extensions/oids.js';
import { PkiError } from '../../../main/pki/pki-error.js';
import { opensslCsr } from './helpers/openssl.js';

describe('a CSR made by openssl req -new', () => {
  it.each(['P-256', 'P-384', 'P-521', 'rsa:2048', 'rsa:3072'] as const)('with a %s key is read from PEM and from DER alike', (key) => {
    const csr = opensslCsr({ key, subject: '/C=DE/O=Requester/CN=Issuing CA' });
    const fromPem = parseCsr(csr.pem);
    const fromDer = parseCsr(csr.der);
    expect(fromPem.der).toEqual(fromDer.der);
    expect(fromPem.subjectText).toBe('C=DE, O=Requester, CN=Issuing CA');
    expect(fromPem.publicKeyText).toBe(key.startsWith('rsa:') ? `RSA ${key.slice(4)}` : `EC ${key}`);
  });

  it('is read from PEM given as bytes, with explanatory text around the block', () => {
    const csr = opensslCsr({ key: 'P-256' });
    expect(parseCsr(new TextEncoder().encode(`Request for the issuing CA\n${csr.pem}\nthanks\n`)).der).toEqual(csr.der);
  });

  it('keeps its requested extensions apart, for the script to copy or ignore', () => {
    const csr = parseCsr(opensslCsr({ key: 'P-256', addext: ['basicConstraints=critical,CA:TRUE', 'nameConstraints=critical,permitted;DNS:example.com'] }).pem);
    expect(csr.requestedExtensions.map((e) => e.oid)).toEqual([EXTENSION.basicConstraints, EXTENSION.nameConstraints]);
    expect(csr.requestedExtensions.every((e) => e.critical)).toBe(true);
  });

  it('signed with RSA-PSS is accepted with its salt length', () => {
    const csr = parseCsr(opensslCsr({ key: 'rsa:2048', sigopt: ['rsa_padding_mode:pss', 'rsa_pss_saltlen:20'] }).pem);
    expect(csr.signature).toEqual({ kind: 'rsa-pss', hash: 'sha256', saltLength: 20 });
  });
});

/** Each bad input is refused with its own code and a message naming the problem. */
function refusal(input: Uint8Array | string): PkiError {
  try {
    parseCsr(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PkiError);
    return error as PkiError;
  }
  throw new Error('the CSR was accepted');
}

describe('a bad CSR is refused with a clear error', () => {
  const good = opensslCsr({ key: 'P-256' });

  it('truncated', () => {
    expect(refusal(good.der.subarray(0, good.der.length - 10))).toMatchObject({ code: 'PKI_MALFORMED_CSR', message: expect.stringContaining('not valid DER') });
  });

  it('truncated PEM', () => {
    const lines = good.pem.trim().split('\n');
    expect(refusal([...lines.slice(0, 3), lines.at(-1)].join('\n'))).toMatchObject({ code: 'PKI_MALFORMED_CSR' });
  });

  it('neither PEM nor DER', () => {
    expect(refusal('hello, this is not a certificate request')).toMatchObject({ code: 'PKI_NOT_PEM_OR_DER', message: expect.stringContaining('neither PEM') });
    expect(refusal(new Uint8Array([0xde, 0xad, 0xbe, 0xef]))).toMatchObject({ code: 'PKI_NOT_PEM_OR_DER' });
  });

  it('a PEM block of another kind', () => {
    const certificate = good.pem.replaceAll('CERTIFICATE REQUEST', 'CERTIFICATE');
    expect(refusal(certificate)).toMatchObject({ code: 'PKI_NOT_PEM_OR_DER', message: expect.stringContaining('labelled "CERTIFICATE"') });
  });

  it('two PEM blocks', () => {
    expect(refusal(good.pem + good.pem)).toMatchObject({ code: 'PKI_NOT_PEM_OR_DER', message: expect.stringContaining('2 PEM blocks') });
  });

  it('a signature that does not verify', () => {
    const tampered = Uint8Array.from(good.der);
    tampered[tampered.length - 5]! ^= 0x01;
    const error = refusal(tampered);
    // Flipping a byte of r or s keeps the DER valid: the signature check is what catches it.
    expect(['PKI_CSR_SIGNATURE_INVALID', 'PKI_MALFORMED_CSR']).toContain(error.code);
  });

  it('a subject altered after signing', () => {
    const csr = opensslCsr({ key: 'rsa:2048', subject: '/CN=AAAA' });
    const tampered = Buffer.from(csr.der);
    tampered.write('BBBB', tampered.indexOf('AAAA'), 'latin1');
    expect(refusal(new Uint8Array(tampered))).toMatchObject({ code: 'PKI_CSR_SIGNATURE_INVALID', message: expect.stringContaining('does not verify') });
  });

  it('RSA 1024', () => {
    expect(refusal(opensslCsr({ key: 'rsa:1024' }).pem)).toMatchObject({ code: 'PKI_RSA_KEY_TOO_SMALL', message: expect.stringContaining('RSA 1024') });
  });

  it('RSA with an odd modulus length (2051 bits)', () => {
    expect(refusal(opensslCsr({ key: 'rsa:2051' }).pem)).toMatchObject({ code: 'PKI_RSA_MODULUS_NOT_MULTIPLE_OF_8', message: expect.stringContaining('2051 bits') });
  });

  it('RSA whose modulus is even but not a multiple of 8 bits (2052)', () => {
    expect(refusal(opensslCsr({ key: 'rsa:2052' }).pem)).toMatchObject({ code: 'PKI_RSA_MODULUS_NOT_MULTIPLE_OF_8', message: expect.stringContaining('2052 bits') });
  });

  it('EC P-192', () => {
    expect(refusal(opensslCsr({ key: 'P-192' }).pem)).toMatchObject({ code: 'PKI_EC_CURVE_NOT_ALLOWED', message: expect.stringContaining('P-192') });
  });

  it('EC secp256k1', () => {
    expect(refusal(opensslCsr({ key: 'secp256k1' }).pem)).toMatchObject({ code: 'PKI_EC_CURVE_NOT_ALLOWED', message: expect.stringContaining('secp256k1') });
  });

  it('signed with SHA-1', () => {
    expect(refusal(opensslCsr({ key: 'P-256', digest: 'sha1' }).pem)).toMatchObject({ code: 'PKI_SHA1_REFUSED', message: expect.stringContaining('SHA-1') });
  });
});
