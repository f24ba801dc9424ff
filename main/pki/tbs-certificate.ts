import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, Certificate, Extension, PublicKeyInfo, RelativeDistinguishedNames, Time, TimeType } from 'pkijs';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import type { ExtensionValue } from './extensions/extension.js';
import type { Validity } from './validity.js';

/** Everything that goes into a TBSCertificate, as exact bytes where bytes matter. */
export interface TbsCertificateFields {
  /** The serial number INTEGER's content octets. */
  serialNumber: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  /** The issuer Name, DER: for a subordinate, the issuer certificate's subject bytes. */
  issuerName: Uint8Array;
  validity: Validity;
  /** The subject Name, DER (names.ts encodeName). */
  subjectName: Uint8Array;
  /** SubjectPublicKeyInfo, DER, exactly as the HSM or the CSR gave it. */
  spki: Uint8Array;
  extensions: ExtensionValue[];
}

/**
 * Encodes a v3 TBSCertificate (RFC 5280 §4.1) with pkijs. Names and the
 * public key are carried as the given bytes; the signature AlgorithmIdentifier
 * is the BR byte string; times follow RFC 5280 §4.1.2.5 (GeneralizedTime from 2050).
 */
export function encodeTbsCertificate(fields: TbsCertificateFields): Uint8Array {
  const certificate = new Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: fields.serialNumber }),
    signature: new AlgorithmIdentifier({ schema: parse(signatureAlgorithmIdentifier(fields.signatureAlgorithm)) }),
    issuer: new RelativeDistinguishedNames({ schema: parse(fields.issuerName) }),
    notBefore: pkiTime(fields.validity.notBefore),
    notAfter: pkiTime(fields.validity.notAfter),
    subject: new RelativeDistinguishedNames({ schema: parse(fields.subjectName) }),
    subjectPublicKeyInfo: new PublicKeyInfo({ schema: parse(fields.spki) }),
    ...(fields.extensions.length > 0 ? { extensions: fields.extensions.map(toPkiExtension) } : {}),
  });
  return new Uint8Array(certificate.encodeTBS().toBER(false));
}

/** A pkijs Time of the type RFC 5280 §4.1.2.5 prescribes for the date. */
export function pkiTime(date: Date): Time {
  return new Time({ type: date.getUTCFullYear() >= 2050 ? TimeType.GeneralizedTime : TimeType.UTCTime, value: date });
}

/** A pkijs Extension from our plain form. */
export function toPkiExtension(extension: ExtensionValue): Extension {
  return new Extension({ extnID: extension.oid, critical: extension.critical, extnValue: Uint8Array.from(extension.value).buffer });
}

function parse(der: Uint8Array): asn1js.AsnType {
  return asn1js.fromBER(der).result;
}
