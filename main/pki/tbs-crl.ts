import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, CertificateRevocationList, Extensions, RelativeDistinguishedNames, RevokedCertificate } from 'pkijs';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import type { ExtensionValue } from './extensions/extension.js';
import { pkiTime, toPkiExtension } from './tbs-certificate.js';

/** One revoked certificate, ready to encode. */
export interface RevokedCertificateFields {
  /** The serial number INTEGER's content octets. */
  serialNumber: Uint8Array;
  revocationDate: Date;
  extensions: ExtensionValue[];
}

/** Everything that goes into a TBSCertList. */
export interface TbsCrlFields {
  signatureAlgorithm: SignatureAlgorithm;
  /** The CA certificate's subject, DER. */
  issuerName: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: RevokedCertificateFields[];
  extensions: ExtensionValue[];
}

/**
 * Encodes a v2 TBSCertList (RFC 5280 §5.1) with pkijs; revokedCertificates is
 * left out when empty (§5.1.2.6).
 */
export function encodeTbsCrl(fields: TbsCrlFields): Uint8Array {
  const crl = new CertificateRevocationList({
    version: 1,
    signature: new AlgorithmIdentifier({ schema: asn1js.fromBER(signatureAlgorithmIdentifier(fields.signatureAlgorithm)).result }),
    issuer: new RelativeDistinguishedNames({ schema: asn1js.fromBER(fields.issuerName).result }),
    thisUpdate: pkiTime(fields.thisUpdate),
    nextUpdate: pkiTime(fields.nextUpdate),
    ...(fields.revoked.length > 0 ? { revokedCertificates: fields.revoked.map(revokedCertificate) } : {}),
    ...(fields.extensions.length > 0 ? { crlExtensions: new Extensions({ extensions: fields.extensions.map(toPkiExtension) }) } : {}),
  });
  // pkijs keeps encodeTBS protected for CRLs; toSchema(true) re-encodes the TBS as its first element.
  const tbs = crl.toSchema(true).valueBlock.value[0]!;
  return new Uint8Array(tbs.toBER(false));
}

function revokedCertificate(entry: RevokedCertificateFields): RevokedCertificate {
  return new RevokedCertificate({
    userCertificate: new asn1js.Integer({ valueHex: entry.serialNumber }),
    revocationDate: pkiTime(entry.revocationDate),
    ...(entry.extensions.length > 0 ? { crlEntryExtensions: new Extensions({ extensions: entry.extensions.map(toPkiExtension) }) } : {}),
  });
}
