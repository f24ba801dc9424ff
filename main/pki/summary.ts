import { signatureAlgorithmFromIdentifier } from './algorithms.js';
import { findExtension, readCertificate, type SignedCertificateView } from './certificate-view.js';
import { describeExtension, type ExtensionSummary } from './extensions/describe-extension.js';
import { readBasicConstraints } from './extensions/basic-constraints.js';
import { EXTENSION } from './extensions/oids.js';
import { sha256Hex } from './fingerprint.js';
import { formatName } from './names.js';
import { describePublicKeyType, inspectPublicKey } from './public-key.js';

/** What the UI and the transcript show for a certificate. Public data only. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** Serial number, lowercase hex of the INTEGER's content octets. */
  serialNumber: string;
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  /** "EC P-384", "RSA 3072", or why the key is not acceptable. */
  publicKey: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, hex (as key.generated records it). */
  spkiSha256: string;
  /** e.g. "ecdsa-sha384", or the AlgorithmIdentifier's hex when it is not a BR encoding. */
  signatureAlgorithm: string;
  isCa: boolean;
  selfIssued: boolean;
  extensions: ExtensionSummary[];
  /** SHA-256 of the certificate DER, hex. */
  sha256: string;
}

/**
 * Summarises a DER certificate.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE
 */
export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  return summarizeCertificateView(readCertificate(der));
}

/** Summarises a signed certificate already read (readCertificate), without decoding it again. */
export function summarizeCertificateView(view: SignedCertificateView): CertificateSummary {
  const key = inspectPublicKey(view.spki);
  const bc = findExtension(view, EXTENSION.basicConstraints);
  return {
    subject: formatName(view.subject),
    issuer: formatName(view.issuer),
    serialNumber: Buffer.from(view.serialNumber).toString('hex'),
    notBefore: view.notBefore.date.toISOString(),
    notAfter: view.notAfter.date.toISOString(),
    publicKey: 'code' in key ? `not acceptable: ${key.message}` : describePublicKeyType(key),
    spkiSha256: sha256Hex(view.spki),
    signatureAlgorithm: signatureAlgorithmFromIdentifier(view.signed.signatureAlgorithm) ?? Buffer.from(view.signed.signatureAlgorithm).toString('hex'),
    isCa: bc !== undefined && readBasicConstraints(bc.value)?.ca === true,
    selfIssued: Buffer.from(view.issuer.der).equals(view.subject.der),
    extensions: (view.extensions ?? []).map(describeExtension),
    sha256: sha256Hex(view.signed.der),
  };
}
