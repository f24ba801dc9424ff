import { readFileSync } from 'node:fs';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer } from '../../../main/pki/ecdsa-signature.js';
import { fromHex, hex } from './helpers/fixtures.js';

const vectors = JSON.parse(readFileSync(new URL('../../vectors/pki/ecdsa-raw-to-der.json', import.meta.url), 'utf8')) as { cases: { name: string; raw: string; der: string }[] };

describe('ECDSA signatures from r || s to DER (RFC 5480 §2.2)', () => {
  it.each(vectors.cases)('$name', ({ raw, der }) => {
    expect(hex(ecdsaRawToDer(fromHex(raw)))).toBe(der);
  });

  it.each(['prime256v1', 'secp384r1', 'secp521r1'])('a %s signature converted to DER verifies with openssl (node:crypto)', (namedCurve) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
    const message = Buffer.from('tbsCertificate');
    for (let i = 0; i < 20; i++) {
      const raw = sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, ecdsaRawToDer(raw))).toBe(true);
    }
  });

  it('an odd-length or empty input is refused', () => {
    expect(() => ecdsaRawToDer(new Uint8Array(63))).toThrow(expect.objectContaining({ code: 'PKI_SIGNATURE_CHECK_FAILED' }));
    expect(() => ecdsaRawToDer(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'PKI_SIGNATURE_CHECK_FAILED' }));
  });
});
