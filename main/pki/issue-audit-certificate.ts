import type { Signer } from '../hsm/signer.js';
import { chooseSignatureAlgorithm } from './algorithms.js';
import { basicConstraintsExtension } from './extensions/basic-constraints.js';
import { extendedKeyUsageExtension } from './extensions/extended-key-usage.js';
import { authorityKeyIdentifierExtension, subjectKeyIdentifierExtension } from './extensions/key-identifiers.js';
import { keyUsageExtension } from './extensions/key-usage.js';
import { KEY_PURPOSE } from './extensions/oids.js';
import { notBeforeWindowSeconds, type CertificateRequestBase } from './issuance-options.js';
import { signPreparedCertificate, type IssuedCertificate, type PreparedCertificate } from './issued-certificate.js';
import { readIssuer } from './issuer.js';
import { keyIdentifier } from './key-identifier.js';
import { encodeName } from './names.js';
import { auditProfile } from './profiles/audit.js';
import { resolveValidity } from './validity.js';

export interface AuditCertificateRequest extends CertificateRequestBase {
  /** The issuing root's key on the HSM. */
  issuerSigner: Signer;
  /** The issuing root's certificate, DER or PEM. */
  issuerCertificate: Uint8Array | string;
  /** SubjectPublicKeyInfo (DER) of the audit key pair, as the HSM reported it at generation. */
  subjectPublicKey: Uint8Array;
}

/**
 * Prepares the audit key's certificate (profile audit) without signing it.
 * @throws PkiError for a request that cannot be encoded.
 */
export async function prepareAuditCertificate(request: AuditCertificateRequest): Promise<PreparedCertificate> {
  const signingTime = request.signingTime ?? new Date();
  const issuer = readIssuer(request.issuerCertificate, request.issuerSigner);
  return {
    profile: auditProfile,
    fields: {
      serialNumber: await request.serialNumbers.next(),
      signatureAlgorithm: chooseSignatureAlgorithm(request.issuerSigner.keyType, request.signature),
      issuerName: new Uint8Array(issuer.view.subject.der),
      validity: resolveValidity(request.validity, signingTime),
      subjectName: encodeName(request.subject),
      spki: request.subjectPublicKey,
      extensions: [
        basicConstraintsExtension({ ca: false }),
        keyUsageExtension(['digitalSignature']),
        extendedKeyUsageExtension([KEY_PURPOSE.documentSigning]),
        subjectKeyIdentifierExtension(keyIdentifier(request.subjectPublicKey)),
        authorityKeyIdentifierExtension(issuer.keyId),
      ],
    },
    subjectSpki: request.subjectPublicKey,
    signer: request.issuerSigner,
    issuer: issuer.view,
    signingTime,
    notBeforeWindowSeconds: notBeforeWindowSeconds(request),
    copiedExtensions: [],
  };
}

/**
 * Issues the certificate of the ceremony's audit key (profile audit), signed
 * by the root: the key that seals the transcript.
 * @throws LintFailedError listing every rule the request breaks (nothing signed); PkiError; HsmError.
 */
export async function issueAuditCertificate(request: AuditCertificateRequest): Promise<IssuedCertificate> {
  return signPreparedCertificate(await prepareAuditCertificate(request));
}
