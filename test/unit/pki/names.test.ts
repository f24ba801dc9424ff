import { describe, expect, it } from 'vitest';
import { issueRootCertificate } from '../../../main/pki/issue-root-certificate.js';
import { readStrictDer } from '../../../main/pki/der-node.js';
import { encodeName, formatName, readName } from '../../../main/pki/names.js';
import { softwareSigner } from '../../support/software-signer.js';
import { rootRequest } from './helpers/fixtures.js';
import { inScratch, opensslX509, run } from './helpers/openssl.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** openssl asn1parse of a name: one line per primitive, e.g. "PRINTABLESTRING   :DE". */
function asn1parse(der: Uint8Array): string {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'name.der'), der);
    return run('openssl', ['asn1parse', '-inform', 'DER', '-in', 'name.der'], dir).output;
  });
}

describe('distinguished names', () => {
  it('each attribute is its own single-valued RDN, in the order given', () => {
    const der = encodeName([
      { type: 'CN', value: 'Zeta' },
      { type: 'C', value: 'DE' },
      { type: 'O', value: 'Alpha' },
    ]);
    const view = readName(readStrictDer(der, 'name', 'PKI_MALFORMED_CERTIFICATE'), 'PKI_MALFORMED_CERTIFICATE', 'name');
    expect(view.rdns.map((rdn) => rdn.length)).toEqual([1, 1, 1]);
    expect(view.rdns.map((rdn) => rdn[0]!.name)).toEqual(['CN', 'C', 'O']);
    const listing = asn1parse(der);
    expect(listing.match(/SET/g)).toHaveLength(3);
  });

  it('a value that fits PrintableString is PrintableString; anything else is UTF8String', () => {
    const listing = asn1parse(encodeName([{ type: 'O', value: "ACME (Example) GmbH, Dept. 7/8: a=b?" }, { type: 'CN', value: 'Müller & Söhne Root' }]));
    expect(listing).toMatch(/PRINTABLESTRING\s+:ACME \(Example\) GmbH, Dept\. 7\/8: a=b\?/);
    expect(listing).toMatch(/UTF8STRING\s+:M/);
  });

  it('a domain component is IA5String', () => {
    expect(asn1parse(encodeName([{ type: 'DC', value: 'example' }, { type: 'CN', value: 'x' }]))).toMatch(/IA5STRING\s+:example/);
  });

  it.each([
    ['an empty name', []],
    ['an empty value', [{ type: 'CN', value: '' }]],
    ['an unknown attribute', [{ type: 'E', value: 'x' }]],
    ['a broken Unicode character', [{ type: 'CN', value: 'bad \uD800 surrogate' }]],
    ['a non-ASCII domain component', [{ type: 'DC', value: 'bücher' }]],
  ])('refuses %s', (_what, name) => {
    expect(() => encodeName(name as never)).toThrow(expect.objectContaining({ code: 'PKI_NAME_INVALID' }));
  });

  it('the issued certificate carries the name openssl reads back, in order', async () => {
    const root = await issueRootCertificate(rootRequest(softwareSigner({ kind: 'ec', curve: 'P-256' }), { subject: [{ type: 'C', value: 'DE' }, { type: 'O', value: 'Bäckerei Example' }, { type: 'CN', value: 'Root' }] }));
    expect(opensslX509(root.pem, ['-subject', '-nameopt', 'utf8,sep_comma_plus_space'])).toBe('subject=C=DE, O=Bäckerei Example, CN=Root');
    expect(root.summary.subject).toBe('C=DE, O=Bäckerei Example, CN=Root');
  });

  it('formats special characters escaped as RFC 4514 does', () => {
    const der = encodeName([{ type: 'O', value: 'A, B + C' }, { type: 'CN', value: ' lead' }]);
    expect(formatName(readName(readStrictDer(der, 'name', 'PKI_MALFORMED_CERTIFICATE'), 'PKI_MALFORMED_CERTIFICATE', 'name'))).toBe('O=A\\, B \\+ C, CN=\\ lead');
  });
});
