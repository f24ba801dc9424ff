import type { Signer } from '../hsm/signer.js';
import { chooseSignatureAlgorithm } from './algorithms.js';
import { basicConstraintsExtension } from './extensions/basic-constraints.js';
import { authorityKeyIdentifierExtension, subjectKeyIdentifierExtension } from './extensions/key-identifiers.js';
import { keyUsageExtension } from './extensions/key-usage.js';
import { notBeforeWindowSeconds, type CertificateRequestBase } from './issuance-options.js';
import { signPreparedCertificate, type IssuedCertificate, type PreparedCertificate } from './issued-certificate.js';
import { keyIdentifier } from './key-identifier.js';
import { encodeName } from './names.js';
import { rootCaProfile } from './profiles/root-ca.js';
import { resolveValidity } from './validity.js';

export interface RootCertificateRequest extends CertificateRequestBase {
  /** The root key pair on the HSM: it is both the certified key and the signer. */
  signer: Signer;
  /** Add digitalSignature to keyUsage (BR allows it; needed only if the root signs OCSP responses itself). */
  digitalSignature?: boolean;
}

/**
 * Prepares a self-signed root CA certificate (profile root-ca) without signing it.
 * @throws PkiError for a request that cannot be encoded (name, validity, algorithm, serial source).
 */
export async function prepareRootCertificate(request: RootCertificateRequest): Promise<PreparedCertificate> {
  const signingTime = request.signingTime ?? new Date();
  const algorithm = chooseSignatureAlgorithm(request.signer.keyType, request.signature);
  const subjectName = encodeName(request.subject);
  const validity = resolveValidity(request.validity, signingTime);
  const keyId = keyIdentifier(request.signer.spki);
  return {
    profile: rootCaProfile,
    fields: {
      serialNumber: await request.serialNumbers.next(),
      signatureAlgorithm: algorithm,
      issuerName: subjectName,
      validity,
      subjectName,
      spki: request.signer.spki,
      extensions: [
        basicConstraintsExtension({ ca: true }),
        keyUsageExtension(request.digitalSignature ? ['digitalSignature', 'keyCertSign', 'cRLSign'] : ['keyCertSign', 'cRLSign']),
        subjectKeyIdentifierExtension(keyId),
        authorityKeyIdentifierExtension(keyId),
      ],
    },
    subjectSpki: request.signer.spki,
    signer: request.signer,
    issuer: 'self',
    signingTime,
    notBeforeWindowSeconds: notBeforeWindowSeconds(request),
    copiedExtensions: [],
  };
}

/**
 * Issues a self-signed root CA certificate (profile root-ca): lints, signs
 * with the root key through the Signer, lints again and verifies.
 * @throws LintFailedError listing every rule the request breaks (nothing signed); PkiError; HsmError.
 */
export async function issueRootCertificate(request: RootCertificateRequest): Promise<IssuedCertificate> {
  return signPreparedCertificate(await prepareRootCertificate(request));
}
