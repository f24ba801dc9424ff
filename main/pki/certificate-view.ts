import { integerValue, isContext, isUniversal, oidText, readStrictDer, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { assertStrictDer, derSequenceElements } from './der-strict.js';
import type { ExtensionValue } from './extensions/extension.js';
import { readName, type NameView } from './names.js';
import { PkiError } from './pki-error.js';
import { readTime, type EncodedTime } from './validity.js';

/** An extension as encoded, with what DER forbids noted for the lints. */
export interface ExtensionView extends ExtensionValue {
  /** critical FALSE written out, which DER forbids (it is the DEFAULT, X.690 §11.5). */
  encodesDefaultCritical: boolean;
}

/**
 * A certificate (or its to-be-signed part) as the lints and the summary see
 * it: decoded values plus the exact bytes of each field that must match
 * something byte for byte.
 */
export interface CertificateView {
  tbsDer: Uint8Array;
  /** As encoded: 2 means v3. */
  version: number;
  /** The serial number INTEGER's content octets. */
  serialNumber: Uint8Array;
  /** The TBS `signature` AlgorithmIdentifier, DER. */
  signature: Uint8Array;
  issuer: NameView;
  notBefore: EncodedTime;
  notAfter: EncodedTime;
  subject: NameView;
  spki: Uint8Array;
  hasUniqueIdentifiers: boolean;
  /** Undefined when the extensions field is absent. */
  extensions: ExtensionView[] | undefined;
  /** Present for a signed certificate. */
  signed?: { der: Uint8Array; signatureAlgorithm: Uint8Array; signatureValue: Uint8Array };
}

/** A signed certificate as read: the signature parts are there. */
export type SignedCertificateView = CertificateView & { signed: NonNullable<CertificateView['signed']> };

const CODE = 'PKI_MALFORMED_CERTIFICATE';

function malformed(what: string): never {
  throw new PkiError(CODE, `The certificate is malformed: ${what}.`);
}

/**
 * Reads a signed certificate, which must be strict DER.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE
 */
export function readCertificate(der: Uint8Array): SignedCertificateView {
  const parts = sequenceOf(readStrictDer(der, 'certificate', CODE));
  const [tbs, algorithm, value] = parts ?? [];
  if (parts?.length !== 3 || !tbs || !sequenceOf(algorithm) || !isUniversal(value, UNIVERSAL.bitString)) malformed('it is not SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }');
  const bits = value.content;
  if (bits[0] !== 0) malformed('the signature BIT STRING has unused bits');
  return {
    ...readTbs(tbs),
    signed: { der, signatureAlgorithm: new Uint8Array(algorithm!.der), signatureValue: new Uint8Array(bits.subarray(1)) },
  };
}

/**
 * Reads a certificate signed around a to-be-signed certificate already read:
 * the whole certificate must be strict DER, as readCertificate requires, and
 * when it carries exactly the TBS bytes that were read, their view is reused
 * instead of decoding them again (the same bytes read the same). The view's
 * tbsDer is the TBS as found in the signed certificate. A certificate around
 * other bytes is read in full.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE
 */
export function readSignedCertificate(der: Uint8Array, tbsView: CertificateView): SignedCertificateView {
  assertStrictDer(der, 'certificate', CODE);
  const elements = derSequenceElements(der);
  const [tbs, algorithm, value] = elements ?? [];
  if (elements?.length !== 3 || !tbs || !algorithm || !value || !Buffer.from(tbs.der).equals(tbsView.tbsDer)) return readCertificate(der);
  if (algorithm.tag !== 0x30 || value.tag !== 0x03) malformed('it is not SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }');
  if (value.content[0] !== 0) malformed('the signature BIT STRING has unused bits');
  return { ...tbsView, tbsDer: tbs.der, signed: { der, signatureAlgorithm: algorithm.der, signatureValue: value.content.subarray(1) } };
}

/**
 * Reads a to-be-signed certificate, which must be strict DER.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE
 */
export function readTbsCertificate(tbsDer: Uint8Array): CertificateView {
  return readTbs(readStrictDer(tbsDer, 'to-be-signed certificate', CODE));
}

function readTbs(node: DerNode): CertificateView {
  const items = sequenceOf(node) ?? malformed('the TBSCertificate is not a SEQUENCE');
  let i = 0;
  let version = 0;
  if (isContext(items[0], 0)) {
    const inner = items[0]!.children[0];
    if (!isUniversal(inner, UNIVERSAL.integer)) malformed('the version is not an INTEGER');
    version = Number(integerValue(inner));
    i = 1;
  }
  const [serial, signature, issuer, validity, subject, spki, ...rest] = items.slice(i);
  if (!isUniversal(serial, UNIVERSAL.integer)) malformed('the serial number is not an INTEGER');
  if (!sequenceOf(signature) || !sequenceOf(spki)) malformed('an AlgorithmIdentifier or the public key is missing');
  const times = sequenceOf(validity);
  const notBefore = readTime(times?.[0]);
  const notAfter = readTime(times?.[1]);
  if (times?.length !== 2 || !notBefore || !notAfter) malformed('the validity is not two RFC 5280 times');
  let extensions: ExtensionView[] | undefined;
  let hasUniqueIdentifiers = false;
  for (const field of rest) {
    if (isContext(field, 1) || isContext(field, 2)) hasUniqueIdentifiers = true;
    else if (isContext(field, 3) && extensions === undefined) extensions = readExtensions(field.children[0], malformed);
    else malformed('an unexpected field follows the public key');
  }
  return {
    tbsDer: new Uint8Array(node.der),
    version,
    serialNumber: new Uint8Array(serial.content),
    signature: new Uint8Array(signature!.der),
    issuer: readName(issuer!, CODE, 'issuer name'),
    notBefore,
    notAfter,
    subject: readName(subject!, CODE, 'subject name'),
    spki: new Uint8Array(spki!.der),
    hasUniqueIdentifiers,
    extensions,
  };
}

/** Reads an Extensions SEQUENCE (certificates, CRLs and CRL entries share it). */
export function readExtensions(node: DerNode | undefined, fail: (what: string) => never): ExtensionView[] {
  const items = sequenceOf(node);
  if (!items || items.length === 0) fail('the extensions field is empty or not a SEQUENCE');
  return items.map((item) => {
    const parts = sequenceOf(item) ?? [];
    const [oid, second, third] = parts;
    const hasCritical = parts.length === 3;
    const octets = hasCritical ? third : second;
    if (!isUniversal(oid, UNIVERSAL.oid) || !isUniversal(octets, UNIVERSAL.octetString) || octets.constructed || parts.length > 3 || (hasCritical && !isUniversal(second, UNIVERSAL.boolean))) {
      fail('an extension is not SEQUENCE { extnID, critical, extnValue }');
    }
    const critical = hasCritical && second!.content[0] !== 0;
    return { oid: oidText(oid!), critical, value: new Uint8Array(octets!.content), encodesDefaultCritical: hasCritical && !critical };
  });
}

/** The first extension with this OID, if any. */
export function findExtension(view: { extensions: ExtensionView[] | undefined }, oid: string): ExtensionView | undefined {
  return view.extensions?.find((e) => e.oid === oid);
}
