import type { Signer } from '../hsm/signer.js';
import { findExtension, readCertificate, type CertificateView } from './certificate-view.js';
import { readSubjectKeyIdentifier } from './extensions/key-identifiers.js';
import { EXTENSION } from './extensions/oids.js';
import { keyIdentifier } from './key-identifier.js';
import { pemOrDerToDer } from './pem.js';
import { PkiError } from './pki-error.js';

/** The issuing CA as a certificate and the key that signs for it. Read once, shared, never changed. */
export interface Issuer {
  readonly view: CertificateView;
  /** The issuer's subjectKeyIdentifier: what authorityKeyIdentifier carries (RFC 5280 §4.2.1.1). */
  readonly keyId: Uint8Array;
}

/**
 * A ceremony signs a batch under one issuer: its certificate is read (strict
 * DER, every field) once, not once per certificate. Keyed by the exact DER
 * bytes, so a different or altered certificate is read afresh; a few entries,
 * as a ceremony has one or two issuers.
 */
const RECENT_ISSUERS = 4;
const recentIssuers = new Map<string, Issuer>();

/**
 * Reads the issuer certificate (PEM or DER) and checks that the signer holds its key.
 * @throws PkiError PKI_MALFORMED_CERTIFICATE, PKI_NOT_PEM_OR_DER, PKI_ISSUER_KEY_MISMATCH.
 */
export function readIssuer(certificate: Uint8Array | string, signer: Signer): Issuer {
  const issuer = issuerOf(pemOrDerToDer(certificate, ['CERTIFICATE'], 'issuer certificate'));
  if (!Buffer.from(signer.spki).equals(issuer.view.spki)) {
    throw new PkiError('PKI_ISSUER_KEY_MISMATCH', "The signing key on the HSM is not the issuer certificate's key: check the key label and the issuer certificate in the script.");
  }
  return issuer;
}

function issuerOf(der: Uint8Array): Issuer {
  const id = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
  const known = recentIssuers.get(id);
  if (known) return known;
  // A private copy: the caller may reuse or wipe its buffer, and every cached view points into this one.
  const view = readCertificate(new Uint8Array(der));
  const ski = findExtension(view, EXTENSION.subjectKeyIdentifier);
  // Without an SKI in the issuer (not one of ours), fall back to our own key identifier;
  // the authority-key-identifier lint then reports the mismatch.
  const keyId = (ski && readSubjectKeyIdentifier(ski.value)) ?? keyIdentifier(view.spki);
  const issuer = deepFreeze({ view, keyId });
  recentIssuers.set(id, issuer);
  if (recentIssuers.size > RECENT_ISSUERS) recentIssuers.delete(recentIssuers.keys().next().value!);
  return issuer;
}

/** Freezes objects and arrays all the way down; byte arrays cannot be frozen and are left as they are. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
