import type { Signer } from '../hsm/signer.js';
import { signatureAlgorithmFromIdentifier } from './algorithms.js';
import { readSignedCertificate, readTbsCertificate, type CertificateView } from './certificate-view.js';
import type { CertificateLintContext } from './lints/certificate-lint.js';
import { runLints } from './lints/lint.js';
import { toPem } from './pem.js';
import { LintFailedError, PkiError } from './pki-error.js';
import type { CertificateProfile } from './profiles/certificate-profile.js';
import { schemeOf, verifySignature } from './signature-verification.js';
import { signAndAssemble } from './signed-object.js';
import { summarizeCertificateView, type CertificateSummary } from './summary.js';
import { encodeTbsCertificate, type TbsCertificateFields } from './tbs-certificate.js';

/** A certificate ready to be signed: the fields, the profile that judges them, and who signs. */
export interface PreparedCertificate {
  profile: CertificateProfile;
  fields: TbsCertificateFields;
  signer: Signer;
  /** The public key presented for certification (by the HSM or the CSR), kept apart from the fields so a changed TBS key is caught. */
  subjectSpki: Uint8Array;
  /** The issuing CA certificate, or "self" for a self-signed root. */
  issuer: CertificateView | 'self';
  signingTime: Date;
  notBeforeWindowSeconds: number;
  copiedExtensions: readonly string[];
}

/** A signed certificate and what people and the transcript need to know about it. */
export interface IssuedCertificate {
  der: Uint8Array;
  pem: string;
  /** SHA-256 of the DER, lowercase hex (the fingerprint). */
  sha256: string;
  summary: CertificateSummary;
}

/**
 * Lints the TBS certificate, signs it, lints the signed DER, checks the
 * signed TBS is byte-identical to the linted one, and verifies the signature
 * with the issuer's public key (node:crypto). Nothing is signed if the first
 * lint pass fails.
 * @throws LintFailedError (PKI_LINT_FAILED) listing every failure;
 *   PkiError PKI_ISSUER_KEY_MISMATCH, PKI_SIGNED_TBS_CHANGED, PKI_SIGNATURE_CHECK_FAILED;
 *   HsmError when the token refuses to sign.
 */
export async function signPreparedCertificate(prepared: PreparedCertificate): Promise<IssuedCertificate> {
  const { profile, signer } = prepared;
  const tbs = encodeTbsCertificate(prepared.fields);
  const tbsView = readTbsCertificate(tbs);
  const issuerOf = (view: CertificateView) => (prepared.issuer === 'self' ? view : prepared.issuer);
  if (!Buffer.from(signer.spki).equals(issuerOf(tbsView).spki)) {
    throw new PkiError('PKI_ISSUER_KEY_MISMATCH', "The signing key on the HSM is not the issuer certificate's key: check the key label in the script.");
  }
  const context = (view: CertificateView): CertificateLintContext => ({
    signingTime: prepared.signingTime,
    issuer: issuerOf(view),
    selfSigned: prepared.issuer === 'self',
    subjectSpki: prepared.subjectSpki,
    notBeforeWindowSeconds: prepared.notBeforeWindowSeconds,
    copiedExtensions: prepared.copiedExtensions,
  });
  const before = runLints(profile.lints, tbsView, context(tbsView));
  if (before.length > 0) throw new LintFailedError(profile.name, 'to-be-signed', before);
  const algorithm = signatureAlgorithmFromIdentifier(tbsView.signature)!;

  const der = await signAndAssemble(signer, algorithm, tbs);
  // The signed certificate is read around the TBS view just linted when it carries
  // those very bytes (the comparison below still judges them), in full otherwise.
  const view = readSignedCertificate(der, tbsView);
  const after = runLints(profile.lints, view, context(view));
  if (after.length > 0) throw new LintFailedError(profile.name, 'signed', after);
  if (!Buffer.from(view.tbsDer).equals(tbs)) {
    throw new PkiError('PKI_SIGNED_TBS_CHANGED', 'The signed certificate does not contain the exact to-be-signed bytes that were checked. It was discarded.');
  }
  if (!verifySignature(issuerOf(view).spki, schemeOf(algorithm), view.tbsDer, view.signed.signatureValue)) {
    throw new PkiError('PKI_SIGNATURE_CHECK_FAILED', "The HSM's signature does not verify with the issuer's public key. The certificate was discarded; check the HSM and the key.");
  }
  const summary = summarizeCertificateView(view);
  return { der, pem: toPem('CERTIFICATE', der), sha256: summary.sha256, summary };
}
