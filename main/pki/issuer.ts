import type { Signer } from '../hsm/signer.js';
import { findExtension, readCertificate, type CertificateView } from './certificate-view.js';
import { readSubjectKeyIdentifier } from './extensions/key-identifiers.js';
import { EXTENSION } from './extensions/oids.js';
import { keyIdentifier } from './key-identifier.js';
import { pemOrDerToDer } from './pem.js';
import { PkiError } from './pki-error.js';

/** The issuing CA as a certificate and the key that signs for it. */
export interface Issuer {
  view: CertificateView;
  /** The issuer's subjectKeyIdentifier: what authorityKeyIdentifier carries (RFC 5280 §4.2.1.1). */
  keyId: Uint8Array;
}

/**
 * Reads the issuer certificate (PEM or DER) and checks that the signer holds its key.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE, PKI_NOT_PEM_OR_DER, PKI_ISSUER_KEY_MISMATCH.
 */
export function readIssuer(certificate: Uint8Array | string, signer: Signer): Issuer {
  const view = readCertificate(pemOrDerToDer(certificate, ['CERTIFICATE'], 'issuer certificate'));
  if (!Buffer.from(signer.spki).equals(view.spki)) {
    throw new PkiError('PKI_ISSUER_KEY_MISMATCH', "The signing key on the HSM is not the issuer certificate's key: check the key label and the issuer certificate in the script.");
  }
  const ski = findExtension(view, EXTENSION.subjectKeyIdentifier);
  // Without an SKI in the issuer (not one of ours), fall back to our own key identifier;
  // the authority-key-identifier lint then reports the mismatch.
  const keyId = (ski && readSubjectKeyIdentifier(ski.value)) ?? keyIdentifier(view.spki);
  return { view, keyId };
}
