import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { integerValue, oidText, readStrictDer, sequenceOf } from '../../../main/pki/der-node.js';

const der = (node: asn1js.AsnType) => new Uint8Array(node.toBER(false));

describe('the strict DER tree', () => {
  it('reads OIDs in every first arc and with long sub-identifiers as asn1js writes them', () => {
    for (const oid of ['0.9.2342.19200300.100.1.25', '1.2.840.113549.1.9.14', '2.5.29.19', '2.23.140.1.2.2', '2.999.18446744073709551617']) {
      expect(oidText(readStrictDer(der(new asn1js.ObjectIdentifier({ value: oid })), 'OID', 'PKI_MALFORMED_CERTIFICATE'))).toBe(oid);
    }
  });

  it('reads INTEGERs with their sign', () => {
    for (const value of [0, 1, 127, 128, 256, -1, -128, -129, 2 ** 40]) {
      expect(integerValue(readStrictDer(der(new asn1js.Integer({ value })), 'INTEGER', 'PKI_MALFORMED_CERTIFICATE'))).toBe(BigInt(value));
    }
  });

  it('gives the elements of a SEQUENCE with long lengths as views of their exact bytes', () => {
    const long = new asn1js.OctetString({ valueHex: new Uint8Array(300).fill(7) });
    const bytes = der(new asn1js.Sequence({ value: [new asn1js.Boolean({ value: true }), long] }));
    const [flag, octets] = sequenceOf(readStrictDer(bytes, 'SEQUENCE', 'PKI_MALFORMED_CERTIFICATE'))!;
    expect(Buffer.from(flag!.der).toString('hex')).toBe('0101ff');
    expect(octets!.content).toEqual(new Uint8Array(300).fill(7));
    expect(Buffer.from(octets!.der).equals(der(long))).toBe(true);
  });

  it('refuses what is not strict DER before building anything', () => {
    expect(() => readStrictDer(Uint8Array.of(0x30, 0x80, 0x00, 0x00), 'value', 'PKI_MALFORMED_CSR')).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED_CSR' }));
  });
});
