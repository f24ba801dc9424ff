import { X509Certificate, createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from '../hsm/signer.js';
import { CMS_OIDS } from './cms-oids.js';
import { ecdsaRawToDer } from '../pki/ecdsa-signature.js';
import { DIGEST_OIDS, sealAlgorithm } from './signature-algorithms.js';
import { TranscriptError } from './transcript-error.js';

export interface SealInput {
  /** The exact bytes of transcript.jsonl. */
  transcript: Uint8Array;
  /** The audit key (in the HSM in a ceremony). */
  signer: Signer;
  /** The audit certificate, DER: its public key must be the signer's. */
  signerCertificate: Uint8Array;
  /** More certificates to carry, DER (the root, so the seal is checkable from the .p7s alone). */
  chain?: Uint8Array[];
  /** signingTime attribute; now by default. */
  signingTime?: Date;
}

/**
 * Seals a transcript: CMS SignedData (RFC 5652), DER, detached (no
 * eContent), one SignerInfo identified by issuer and serial, with the signed
 * attributes contentType (id-data), signingTime and messageDigest, carrying the
 * signer's certificate and the chain given. The signature is made by the
 * Signer and checked against the certificate before the seal is returned
 * (check what was signed, as boulder's ceremony tool does).
 * `openssl cms -verify -binary -inform DER -content transcript.jsonl` accepts it.
 * @throws TranscriptError SEAL_BAD_CERTIFICATE (certificate not for this key),
 *   SEAL_SIGNATURE_FAILED (the signature does not verify); HsmError from the signer.
 */
export async function sealTranscript(input: SealInput): Promise<Uint8Array> {
  const { transcript, signer, signerCertificate } = input;
  const certificate = parseCertificate(signerCertificate);
  const x509 = new X509Certificate(signerCertificate);
  const certSpki = x509.publicKey.export({ type: 'spki', format: 'der' });
  if (!certSpki.equals(Buffer.from(signer.spki))) {
    throw new TranscriptError('SEAL_BAD_CERTIFICATE', `The certificate given for the seal (${x509.subject}) is not for the audit key ${signer.keyId}: its public key differs. Nothing was signed.`);
  }
  const algorithm = sealAlgorithm(signer.keyType);
  const digest = createHash(algorithm.digest).update(transcript).digest();
  const attributes = sortedForDer([
    new pkijs.Attribute({ type: CMS_OIDS.contentTypeAttribute, values: [new asn1js.ObjectIdentifier({ value: CMS_OIDS.data })] }),
    new pkijs.Attribute({ type: CMS_OIDS.signingTimeAttribute, values: [signingTimeValue(input.signingTime ?? new Date())] }),
    new pkijs.Attribute({ type: CMS_OIDS.messageDigestAttribute, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]);
  // RFC 5652 §5.4: the signature is over the DER of the attributes as a SET OF (tag 0x31), not the [0] IMPLICIT form.
  const signedBytes = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
  const raw = await signer.sign(algorithm.signer, signedBytes);
  const signature = signer.keyType.kind === 'ec' ? ecdsaRawToDer(raw) : raw;
  if (!verify(algorithm.digest, signedBytes, x509.publicKey, signature)) {
    throw new TranscriptError('SEAL_SIGNATURE_FAILED', `The audit key's signature over the transcript does not verify under the audit certificate (${x509.subject}). The seal was not written.`);
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm.digest] })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: CMS_OIDS.data }),
    certificates: [certificate, ...(input.chain ?? []).map(parseCertificate)],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm.digest] }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({
          algorithmId: algorithm.signatureOid,
          ...(algorithm.nullParameter ? { algorithmParams: new asn1js.Null() } : {}),
        }),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: CMS_OIDS.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(der);
  } catch (error) {
    throw new TranscriptError('SEAL_BAD_CERTIFICATE', `A certificate given for the seal is not DER X.509 (${(error as Error).message}). Nothing was signed.`);
  }
}

/** RFC 5652 §11.3: UTCTime through 2049, GeneralizedTime from 2050 (as RFC 5280 §4.1.2.5). */
function signingTimeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  // Whole seconds: DER times carry no fraction here, and openssl prints them so.
  const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return seconds.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: seconds }) : new asn1js.GeneralizedTime({ valueDate: seconds });
}

/** X.690 §11.6: the members of a DER SET OF are in ascending order of their encodings. */
function sortedForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}
