import { readExtensions, type ExtensionView } from './certificate-view.js';
import { integerValue, isContext, isUniversal, readStrictDer, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { readName, type NameView } from './names.js';
import { PkiError } from './pki-error.js';
import { readTime, type EncodedTime } from './validity.js';

/** One revoked certificate as encoded. */
export interface RevokedEntryView {
  /** The serial number INTEGER's content octets. */
  serialNumber: Uint8Array;
  revocationDate: EncodedTime;
  extensions: ExtensionView[] | undefined;
}

/** A CRL (or its to-be-signed part) as the lints and the summary see it. */
export interface CrlView {
  tbsDer: Uint8Array;
  /** As encoded: 1 means v2; undefined when the field is absent (v1). */
  version: number | undefined;
  signature: Uint8Array;
  issuer: NameView;
  thisUpdate: EncodedTime;
  nextUpdate: EncodedTime | undefined;
  /** Undefined when the revokedCertificates field is absent. */
  revoked: RevokedEntryView[] | undefined;
  extensions: ExtensionView[] | undefined;
  signed?: { der: Uint8Array; signatureAlgorithm: Uint8Array; signatureValue: Uint8Array };
}

const CODE = 'PKI_MALFORMED_CRL';

function malformed(what: string): never {
  throw new PkiError(CODE, `The CRL is malformed: ${what}.`);
}

/**
 * Reads a signed CRL, which must be strict DER.
 * @throws PkiError PKI_MALFORMED_CRL
 */
export function readCrl(der: Uint8Array): CrlView {
  const parts = sequenceOf(readStrictDer(der, 'CRL', CODE));
  const [tbs, algorithm, value] = parts ?? [];
  if (parts?.length !== 3 || !tbs || !sequenceOf(algorithm) || !isUniversal(value, UNIVERSAL.bitString)) malformed('it is not SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }');
  const bits = value.content;
  if (bits[0] !== 0) malformed('the signature BIT STRING has unused bits');
  return { ...readTbs(tbs), signed: { der, signatureAlgorithm: new Uint8Array(algorithm!.der), signatureValue: new Uint8Array(bits.subarray(1)) } };
}

/**
 * Reads a to-be-signed CRL (TBSCertList), which must be strict DER.
 * @throws PkiError PKI_MALFORMED_CRL
 */
export function readTbsCrl(tbsDer: Uint8Array): CrlView {
  return readTbs(readStrictDer(tbsDer, 'to-be-signed CRL', CODE));
}

function readTbs(node: DerNode): CrlView {
  const items = [...(sequenceOf(node) ?? malformed('the TBSCertList is not a SEQUENCE'))];
  let version: number | undefined;
  if (isUniversal(items[0], UNIVERSAL.integer)) version = Number(integerValue(items.shift()!));
  const [signature, issuer, thisUpdateNode] = items.splice(0, 3);
  if (!sequenceOf(signature) || !issuer) malformed('the signature algorithm or issuer is missing');
  const thisUpdate = readTime(thisUpdateNode) ?? malformed('thisUpdate is not an RFC 5280 time');
  const nextUpdate = readTime(items[0]);
  if (nextUpdate) items.shift();
  let revoked: RevokedEntryView[] | undefined;
  if (sequenceOf(items[0])) revoked = items.shift()!.children.map(readEntry);
  let extensions: ExtensionView[] | undefined;
  if (isContext(items[0], 0)) extensions = readExtensions(items.shift()!.children[0], malformed);
  if (items.length > 0) malformed('an unexpected field follows the CRL extensions');
  return { tbsDer: new Uint8Array(node.der), version, signature: new Uint8Array(signature!.der), issuer: readName(issuer, CODE, 'CRL issuer'), thisUpdate, nextUpdate, revoked, extensions };
}

function readEntry(node: DerNode): RevokedEntryView {
  const [serial, date, extensions, ...extra] = sequenceOf(node) ?? [];
  if (!isUniversal(serial, UNIVERSAL.integer) || extra.length > 0) malformed('a revoked entry is not { serial, date, extensions }');
  const revocationDate = readTime(date) ?? malformed('a revocation date is not an RFC 5280 time');
  return { serialNumber: new Uint8Array(serial.content), revocationDate, extensions: extensions === undefined ? undefined : readExtensions(extensions, malformed) };
}
