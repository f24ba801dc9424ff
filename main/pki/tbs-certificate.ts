import * as asn1js from 'asn1js';
import { Extension, Time, TimeType } from 'pkijs';
import type { SignatureAlgorithm } from '../hsm/key-spec.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import { derOid, derSequence, derTlv } from './der-encode.js';
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

/** [0] EXPLICIT Version ::= v3 (2), RFC 5280 §4.1.2.1. */
const VERSION_V3 = Uint8Array.of(0xa0, 0x03, 0x02, 0x01, 0x02);
/** BOOLEAN TRUE in DER (X.690 §11.1); critical FALSE is the DEFAULT and is left out (§11.5). */
const CRITICAL = Uint8Array.of(0x01, 0x01, 0xff);

/**
 * Encodes a v3 TBSCertificate (RFC 5280 §4.1). Names, the public key and the
 * signature AlgorithmIdentifier (the BR byte string) go in as the given bytes,
 * wrapped, not decoded and encoded again; the serial's INTEGER, the times
 * (RFC 5280 §4.1.2.5: GeneralizedTime from 2050) and the extension OIDs are
 * encoded by asn1js. The result is what pkijs's Certificate.encodeTBS gives
 * for the same fields (test/unit/pki checks it against pkijs).
 */
export function encodeTbsCertificate(fields: TbsCertificateFields): Uint8Array {
  const elements = [
    VERSION_V3,
    derTlv(0x02, [fields.serialNumber]),
    signatureAlgorithmIdentifier(fields.signatureAlgorithm),
    fields.issuerName,
    derSequence([encodeTime(fields.validity.notBefore), encodeTime(fields.validity.notAfter)]),
    fields.subjectName,
    fields.spki,
  ];
  if (fields.extensions.length > 0) elements.push(derTlv(0xa3, [derSequence(fields.extensions.map(encodeExtension))]));
  return derSequence(elements);
}

/** Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE, extnValue OCTET STRING } (RFC 5280 §4.1). */
function encodeExtension(extension: ExtensionValue): Uint8Array {
  return derSequence([derOid(extension.oid), ...(extension.critical ? [CRITICAL] : []), derTlv(0x04, [extension.value])]);
}

function encodeTime(date: Date): Uint8Array {
  return new Uint8Array((pkiTime(date).toSchema() as asn1js.AsnType).toBER(false));
}

/** A pkijs Time of the type RFC 5280 §4.1.2.5 prescribes for the date. */
export function pkiTime(date: Date): Time {
  return new Time({ type: date.getUTCFullYear() >= 2050 ? TimeType.GeneralizedTime : TimeType.UTCTime, value: date });
}

/** A pkijs Extension from our plain form. */
export function toPkiExtension(extension: ExtensionValue): Extension {
  return new Extension({ extnID: extension.oid, critical: extension.critical, extnValue: Uint8Array.from(extension.value).buffer });
}
