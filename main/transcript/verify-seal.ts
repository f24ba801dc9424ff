import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { assertStrictDer } from '../pki/der-strict.js';
import { pathToRoot } from './certificate-path.js';
import { checkSignature } from './check-signature.js';
import { CMS_OIDS } from './cms-oids.js';
import { digestName, type DigestName } from './signature-algorithms.js';

export type SealProblemCode =
  | 'not-cms'
  | 'not-detached'
  | 'signer-count'
  | 'signer-certificate-missing'
  | 'signer-certificate-invalid'
  | 'unsupported-algorithm'
  | 'attributes-missing'
  | 'digest-mismatch'
  | 'appended-after-seal'
  | 'signature-invalid'
  | 'untrusted-signer'
  | 'signed-outside-validity';

export interface SealProblem {
  code: SealProblemCode;
  message: string;
}

export interface SealVerification {
  ok: boolean;
  /** Every problem found (a foreign seal is both untrusted and over other bytes). */
  problems: SealProblem[];
  /** The certificate that signed, when found in the seal. */
  signer?: { subject: string; serial: string; sha256: string };
  /** The chain from the signer to the trusted root, subjects in order. */
  path?: string[];
  signingTime?: Date;
  /** The hash the seal covers, hex. */
  messageDigest?: string;
}

/**
 * Checks transcript.jsonl.p7s against transcript.jsonl as `openssl cms
 * -verify` would, and says more when it fails: the seal is DER CMS
 * SignedData, detached, with one signer whose certificate it carries; the
 * signed attributes hold contentType id-data and the transcript's digest; the
 * signature verifies; the signer's certificate chains to one of `roots` (never
 * to a root merely carried in the seal). When the digest matches an earlier
 * line boundary, the lines after it were appended after sealing and are named.
 */
export function verifySeal(p7s: Uint8Array, transcript: Uint8Array, trust: { roots: X509Certificate[]; intermediates?: X509Certificate[] }): SealVerification {
  const problems: SealProblem[] = [];
  const fail = (code: SealProblemCode, message: string): SealVerification => ({ ok: false, problems: [...problems, { code, message }] });
  let signedData: pkijs.SignedData;
  try {
    // asn1js reads BER and forgives wrong inner lengths that pkijs then
    // re-encodes away: without this, a seal `openssl cms -verify` refuses
    // (design/FORMATS.md's auditor check) could pass here.
    assertStrictDer(p7s, 'seal', 'PKI_MALFORMED_DER');
    const contentInfo = pkijs.ContentInfo.fromBER(p7s);
    if (contentInfo.contentType !== CMS_OIDS.signedData) return fail('not-cms', `The seal is CMS of type ${contentInfo.contentType}, not SignedData.`);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (error) {
    return fail('not-cms', `The seal is not DER CMS SignedData (${(error as Error).message}).`);
  }
  if (signedData.encapContentInfo.eContent) return fail('not-detached', 'The seal embeds content; a transcript seal is detached (it signs transcript.jsonl beside it).');
  if (signedData.signerInfos.length !== 1) return fail('signer-count', `The seal has ${signedData.signerInfos.length} signers; a transcript seal has exactly one.`);
  const signerInfo = signedData.signerInfos[0]!;
  const carried = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCert = carried.find((c) => identifies(signerInfo.sid, c));
  if (!signerCert) return fail('signer-certificate-missing', "The seal does not carry its signer's certificate.");
  // pkijs reads certificates more leniently than OpenSSL: a damaged one that
  // pkijs parsed can still be refused by X509Certificate or its publicKey.
  const x509 = openCertificate(signerCert);
  if (!x509) return fail('signer-certificate-invalid', "The seal's signer certificate is damaged: it is not a certificate OpenSSL can read, or its public key is not one.");
  const signer = { subject: x509.subject.replace(/\n/g, ', '), serial: x509.serialNumber.toLowerCase(), sha256: createHash('sha256').update(x509.raw).digest('hex') };
  const digest = digestName(signerInfo.digestAlgorithm.algorithmId);
  if (!digest) return { ...fail('unsupported-algorithm', `The seal's digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256, SHA-384 or SHA-512.`), signer };
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const contentType = attributeValue(attributes, CMS_OIDS.contentTypeAttribute);
  const messageDigest = attributeValue(attributes, CMS_OIDS.messageDigestAttribute);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== CMS_OIDS.data || !(messageDigest instanceof asn1js.OctetString)) {
    return { ...fail('attributes-missing', 'The seal lacks the signed attributes contentType (id-data) and messageDigest.'), signer };
  }
  const sealed = Buffer.from(messageDigest.valueBlock.valueHexView).toString('hex');
  const signingTime = timeOf(attributeValue(attributes, CMS_OIDS.signingTimeAttribute));

  const actual = createHash(digest).update(transcript).digest('hex');
  if (actual !== sealed) problems.push(digestProblem(transcript, digest, sealed));
  const signatureCheck = checkSignature(signerInfo.signatureAlgorithm, new Uint8Array(signerInfo.signedAttrs!.encodedValue), signerInfo.signature.valueBlock.valueHexView, x509.publicKey, digest);
  if (typeof signatureCheck === 'object') problems.push({ code: 'unsupported-algorithm', message: `The seal's signature algorithm ${signatureCheck.unsupported} is not one we accept.` });
  else if (signatureCheck === 'invalid') problems.push({ code: 'signature-invalid', message: `The seal's signature does not verify under its signer certificate (${signer.subject}).` });
  const intermediates = [...(trust.intermediates ?? []), ...carried.flatMap((c) => openCertificate(c) ?? [])];
  const path = pathToRoot(x509, intermediates, trust.roots);
  if (!path) problems.push({ code: 'untrusted-signer', message: `The seal's signer (${signer.subject}) does not chain to the trusted root: this seal is not from this ceremony's PKI.` });
  if (signingTime && (signingTime < new Date(x509.validFrom) || signingTime > new Date(x509.validTo))) {
    problems.push({ code: 'signed-outside-validity', message: `The seal says it was signed at ${signingTime.toISOString()}, outside its certificate's validity (${x509.validFrom} to ${x509.validTo}).` });
  }
  return {
    ok: problems.length === 0,
    problems,
    signer,
    ...(path ? { path: path.map((c) => c.subject.replace(/\n/g, ', ')) } : {}),
    ...(signingTime ? { signingTime } : {}),
    messageDigest: sealed,
  };
}

/** The certificate as node:crypto reads it, public key included; undefined when OpenSSL refuses either. */
function openCertificate(cert: pkijs.Certificate): X509Certificate | undefined {
  try {
    const x509 = new X509Certificate(Buffer.from(cert.toSchema().toBER(false)));
    void x509.publicKey;
    return x509;
  } catch {
    return undefined;
  }
}

/** RFC 5652 §10.2.4: SignerIdentifier is issuerAndSerialNumber or [0] subjectKeyIdentifier. */
function identifies(sid: unknown, cert: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return sid.issuer.isEqual(cert.issuer) && sid.serialNumber.isEqual(cert.serialNumber);
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    const ski = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue;
    const wanted = sid instanceof asn1js.Primitive ? sid.valueBlock.valueHexView : undefined;
    return ski instanceof asn1js.OctetString && wanted !== undefined && Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(wanted));
  }
  return false;
}

function attributeValue(attributes: pkijs.Attribute[], type: string): unknown {
  const found = attributes.filter((a) => a.type === type);
  // RFC 5652 §11: each of these attributes appears once, with one value.
  return found.length === 1 && found[0]!.values.length === 1 ? found[0]!.values[0] : undefined;
}

function timeOf(value: unknown): Date | undefined {
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : undefined;
}

/** Says whether the seal covers an earlier state of the transcript (events appended after it) or other bytes. */
function digestProblem(transcript: Uint8Array, digest: DigestName, sealed: string): SealProblem {
  const bytes = Buffer.from(transcript.buffer, transcript.byteOffset, transcript.byteLength);
  const hash = createHash(digest);
  let lines = 0;
  let start = 0;
  for (let nl = bytes.indexOf(0x0a, start); nl !== -1; nl = bytes.indexOf(0x0a, start)) {
    hash.update(bytes.subarray(start, nl + 1));
    lines++;
    start = nl + 1;
    if (start < bytes.length && hash.copy().digest('hex') === sealed) {
      return {
        code: 'appended-after-seal',
        message: `The seal covers lines 1 to ${lines} only: ${countLines(bytes.subarray(start))} line(s) from line ${lines + 1} on were added after the transcript was sealed.`,
      };
    }
  }
  return { code: 'digest-mismatch', message: "The transcript's digest is not the one the seal signed: the transcript was changed or truncated after sealing, or the seal is another transcript's." };
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, nl + 1)) count++;
  return count + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
}
