import { describe, expect, it } from 'vitest';
import { assertStrictDer } from '../../../main/pki/der-strict.js';
import { fromHex } from './helpers/fixtures.js';
import { opensslCsr } from './helpers/openssl.js';

const check = (hexText: string) => () => assertStrictDer(fromHex(hexText.replace(/ /g, '')), 'test value', 'PKI_MALFORMED_DER');

describe('strict DER (X.690 §10)', () => {
  it('accepts a well-formed value', () => {
    expect(check('3006 020101 0101ff')).not.toThrow();
  });

  it('accepts a CSR made by openssl', () => {
    expect(() => assertStrictDer(opensslCsr({ key: 'P-256' }).der, 'CSR', 'PKI_MALFORMED_CSR')).not.toThrow();
  });

  it.each([
    ['an empty input', '', 'empty'],
    ['trailing bytes', '3003020101 00', 'extra byte'],
    ['an indefinite length', '3080 020101 0000', 'indefinite'],
    ['a length in long form where short form fits', '308103 020101', 'shortest form'],
    ['a length with a leading zero byte', '30820003 020101', 'shortest form'],
    ['a length that runs past the end', '3005 020101', 'runs past'],
    ['data that ends inside a length', '3082 01', 'inside a length'],
    ['an INTEGER with a superfluous leading zero', '3004 02020001', 'INTEGER'],
    ['an INTEGER with a superfluous leading FF', '3004 0202ff80', 'INTEGER'],
    ['an empty INTEGER', '3002 0200', 'empty INTEGER'],
    ['a BOOLEAN that is neither 00 nor FF', '3003 010101', 'BOOLEAN'],
    ['a BIT STRING with non-zero unused bits', '3004 03020101', 'unused bits'],
    ['a NULL with content', '3003 050100', 'NULL'],
    ['a constructed OCTET STRING', '3006 2404 040201 02', 'constructed'],
    ['a SET whose elements are out of order', '3106 020102 020101', 'DER order'],
    ['a UTCTime with fractional seconds', '3111 170f 3236313132393138303030302e315a', 'UTCTime'],
    ['a GeneralizedTime without seconds', '300f 180d 3230353031323331323335395a', 'GeneralizedTime'],
    ['a multi-byte tag', '3003 1f2100', 'multi-byte tag'],
  ])('refuses %s', (_what, input, reason) => {
    expect(check(input)).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED_DER', message: expect.stringContaining(reason) }));
  });

  it('refuses nesting deeper than 32 levels without exhausting the stack', () => {
    let value = fromHex('0500');
    for (let i = 0; i < 40; i++) value = Uint8Array.from([0x30, value.length, ...value]);
    expect(() => assertStrictDer(value, 'deep value', 'PKI_MALFORMED_DER')).toThrow(expect.objectContaining({ message: expect.stringContaining('deeper') }));
  });
});
