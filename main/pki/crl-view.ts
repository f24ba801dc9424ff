import * as asn1js from 'asn1js';
import { readExtensions, type ExtensionView } from './certificate-view.js';
import { assertStrictDer } from './der-strict.js';
import { isContextTag, primitiveContent, sequenceItems } from './extensions/extension.js';
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
  assertStrictDer(der, 'CRL', CODE);
  const parts = sequenceItems(asn1js.fromBER(der).result);
  const [tbs, algorithm, value] = parts ?? [];
  if (parts?.length !== 3 || !tbs || !(algorithm instanceof asn1js.Sequence) || !(value instanceof asn1js.BitString)) malformed('it is not SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }');
  const bits = primitiveContent(value);
  if (bits[0] !== 0) malformed('the signature BIT STRING has unused bits');
  return { ...readTbs(tbs), signed: { der, signatureAlgorithm: new Uint8Array(algorithm.valueBeforeDecodeView), signatureValue: bits.subarray(1) } };
}

/**
 * Reads a to-be-signed CRL (TBSCertList), which must be strict DER.
 * @throws PkiError PKI_MALFORMED_CRL
 */
export function readTbsCrl(tbsDer: Uint8Array): CrlView {
  assertStrictDer(tbsDer, 'to-be-signed CRL', CODE);
  return readTbs(asn1js.fromBER(tbsDer).result);
}

function readTbs(node: asn1js.AsnType): CrlView {
  const items = [...(sequenceItems(node) ?? malformed('the TBSCertList is not a SEQUENCE'))];
  let version: number | undefined;
  if (items[0] instanceof asn1js.Integer) version = Number((items.shift() as asn1js.Integer).toBigInt());
  const [signature, issuer, thisUpdateNode] = items.splice(0, 3);
  if (!(signature instanceof asn1js.Sequence) || !issuer) malformed('the signature algorithm or issuer is missing');
  const thisUpdate = readTime(thisUpdateNode) ?? malformed('thisUpdate is not an RFC 5280 time');
  const nextUpdate = readTime(items[0]);
  if (nextUpdate) items.shift();
  let revoked: RevokedEntryView[] | undefined;
  if (items[0] instanceof asn1js.Sequence) revoked = (items.shift() as asn1js.Sequence).valueBlock.value.map(readEntry);
  let extensions: ExtensionView[] | undefined;
  if (isContextTag(items[0], 0)) extensions = readExtensions((items.shift() as asn1js.Constructed).valueBlock.value?.[0], malformed);
  if (items.length > 0) malformed('an unexpected field follows the CRL extensions');
  return { tbsDer: new Uint8Array(node.valueBeforeDecodeView), version, signature: new Uint8Array(signature.valueBeforeDecodeView), issuer: readName(issuer, CODE, 'CRL issuer'), thisUpdate, nextUpdate, revoked, extensions };
}

function readEntry(node: asn1js.AsnType): RevokedEntryView {
  const [serial, date, extensions, ...extra] = sequenceItems(node) ?? [];
  if (!(serial instanceof asn1js.Integer) || extra.length > 0) malformed('a revoked entry is not { serial, date, extensions }');
  const revocationDate = readTime(date) ?? malformed('a revocation date is not an RFC 5280 time');
  return { serialNumber: primitiveContent(serial), revocationDate, extensions: extensions === undefined ? undefined : readExtensions(extensions, malformed) };
}
