import { describe, expect, it } from 'vitest';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import { formatObjectUri, formatPkcs11Uri, formatTokenUri, parsePkcs11Uri, type Pkcs11UriParts } from '../../../main/hsm/pkcs11-uri.js';

const SOFTHSM_TOKEN = { label: 'rehearsal', manufacturer: 'SoftHSM project', model: 'SoftHSM v2', serial: '2c7720eea0265d3f' };

function refused(uri: string): HsmError {
  let error: unknown;
  try {
    parsePkcs11Uri(uri);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HsmError);
  expect((error as HsmError).code).toBe('INVALID_ARGUMENT');
  return error as HsmError;
}

describe('formatting PKCS#11 URIs (RFC 7512)', () => {
  it('names a token by label, manufacturer, model and serial, in that order, spaces percent-encoded', () => {
    expect(formatTokenUri(SOFTHSM_TOKEN)).toBe('pkcs11:token=rehearsal;manufacturer=SoftHSM%20project;model=SoftHSM%20v2;serial=2c7720eea0265d3f');
  });

  it('names an object by its token, label, CKA_ID (every byte percent-encoded) and type', () => {
    expect(formatObjectUri(SOFTHSM_TOKEN, { label: 'root-2026', id: '7e209c', class: 'private-key' })).toBe(
      'pkcs11:token=rehearsal;manufacturer=SoftHSM%20project;model=SoftHSM%20v2;serial=2c7720eea0265d3f;object=root-2026;id=%7E%20%9C;type=private',
    );
  });

  it.each([
    ['public-key', 'public'],
    ['private-key', 'private'],
    ['secret-key', 'secret-key'],
    ['certificate', 'cert'],
    ['data', 'data'],
  ])('gives a %s the RFC 7512 type "%s"', (cls, type) => {
    expect(formatObjectUri(SOFTHSM_TOKEN, { label: 'k', id: '01', class: cls })).toMatch(new RegExp(`;type=${type}$`));
  });

  it('leaves out the id of an object that has none, and the type of a class it cannot name', () => {
    expect(formatObjectUri(SOFTHSM_TOKEN, { label: 'kek', id: '', class: 'other' })).toBe(`${formatTokenUri(SOFTHSM_TOKEN)};object=kek`);
  });

  it('percent-encodes the characters that would end or split an attribute, "%" itself, and every non-ASCII byte as UTF-8', () => {
    expect(formatPkcs11Uri({ object: 'a;b?c#d/e%f' })).toBe('pkcs11:object=a%3Bb%3Fc%23d%2Fe%25f');
    expect(formatPkcs11Uri({ token: 'Clé' })).toBe('pkcs11:token=Cl%C3%A9');
    expect(formatPkcs11Uri({ token: '🙂' })).toBe('pkcs11:token=%F0%9F%99%82');
  });

  it('keeps the characters RFC 7512 allows in a path value as they are', () => {
    expect(formatPkcs11Uri({ model: "A-Z_a.z~0:[]@!$'()*+,=&" })).toBe("pkcs11:model=A-Z_a.z~0:[]@!$'()*+,=&");
  });

  it('writes CKA_ID bytes in upper-case hex escapes', () => {
    expect(formatPkcs11Uri({ id: '00ff10ab' })).toBe('pkcs11:id=%00%FF%10%AB');
  });
});

describe('parsing PKCS#11 URIs', () => {
  it.each<[string, Pkcs11UriParts]>([
    ['a plain token', { token: 'rehearsal' }],
    ['a token with every identity attribute', { token: 'Root CA 2026', manufacturer: 'ACME & Sons', model: 'HSM=9000', serial: '0042' }],
    ['an object with punctuation, non-ASCII and an emoji in its label', { token: 't', object: 'Root; "prod" / 100% — clé 🙂', id: '00ff10', type: 'private' }],
    ['a secret key', { object: 'master', id: '0102030405060708090a0b0c0d0e0f10', type: 'secret-key' }],
  ])('round-trips %s through format and parse', (_, parts) => {
    expect(parsePkcs11Uri(formatPkcs11Uri(parts))).toEqual(parts);
  });

  it('decodes lower-case escapes and unescaped UTF-8 typed by a person', () => {
    expect(parsePkcs11Uri('pkcs11:object=a%2fb;id=%0a%FF;token=Cl%c3%a9')).toEqual({ object: 'a/b', id: '0aff', token: 'Clé' });
    expect(parsePkcs11Uri('pkcs11:token=Clé 🙂')).toEqual({ token: 'Clé 🙂' });
  });

  it('reads an id written as text bytes, not only as escapes', () => {
    expect(parsePkcs11Uri('pkcs11:id=AB')).toEqual({ id: '4142' });
  });

  it('ignores the query and attributes it does not use (RFC 7512 §2.3)', () => {
    expect(parsePkcs11Uri('pkcs11:token=t;slot-id=3;library-manufacturer=x?module-path=/usr/lib/x.so')).toEqual({ token: 't' });
  });

  it('accepts the scheme in any case (RFC 3986 §3.1)', () => {
    expect(parsePkcs11Uri('PKCS11:token=t')).toEqual({ token: 't' });
  });

  it('accepts an empty path as "any token"', () => {
    expect(parsePkcs11Uri('pkcs11:')).toEqual({});
  });
});

describe('URIs Conclave refuses', () => {
  it.each([
    ['pkcs11:token=t?pin-value=1234'],
    ['pkcs11:token=t?module-name=softhsm2&pin-value=1234'],
    ['pkcs11:token=t;pin-value=1234'],
    ['PKCS11:token=t;PIN-VALUE=1234'],
    ['pkcs12:token=t?pin-value=1234'],
  ])('%s: pin-value, and the PIN is not repeated in the message', (uri) => {
    const error = refused(uri);
    expect(error.message).toContain('pin-value');
    expect(error.message).toContain('--pin-source');
    expect(error.message).not.toContain('1234');
  });

  it.each([
    ['pkcs11:token=a%2', '%2'],
    ['pkcs11:token=a%', '%'],
    ['pkcs11:object=%zz', '%zz'],
    ['pkcs11:id=%0g', '%0g'],
  ])('%s: a bad percent-escape, named', (uri, escape) => {
    expect(refused(uri).message).toContain(`bad percent-escape "${escape}"`);
  });

  it('another scheme', () => {
    expect(refused('https://example.org/').message).toContain('must start with "pkcs11:"');
  });

  it('an attribute without "=value"', () => {
    expect(refused('pkcs11:token').message).toContain('"token"');
  });

  it('an empty attribute (a stray ";")', () => {
    refused('pkcs11:token=a;;object=b');
  });

  it('the same attribute twice', () => {
    expect(refused('pkcs11:token=a;token=b').message).toContain('appears twice');
  });

  it('a type RFC 7512 does not define', () => {
    expect(refused('pkcs11:type=secret').message).toContain('public, private, secret-key, cert, data');
  });
});
