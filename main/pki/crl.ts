import * as asn1js from 'asn1js';
import type { Signer } from '../hsm/signer.js';
import { chooseSignatureAlgorithm, signatureAlgorithmFromIdentifier, type SignatureChoice } from './algorithms.js';
import { summarizeCrl, type CrlSummary } from './crl-summary.js';
import { readCrl, readTbsCrl, type CrlView } from './crl-view.js';
import type { CertificateView } from './certificate-view.js';
import { crlNumberExtension, reasonCodeExtension, REASON_CODES, type ReasonName } from './extensions/crl-extensions.js';
import { authorityKeyIdentifierExtension } from './extensions/key-identifiers.js';
import { sha256Hex } from './fingerprint.js';
import { readIssuer } from './issuer.js';
import type { CrlLintContext } from './lints/crl-lint.js';
import { runLints } from './lints/lint.js';
import { toPem } from './pem.js';
import { LintFailedError, PkiError } from './pki-error.js';
import { crlProfile, type CrlProfile } from './profiles/crl.js';
import { schemeOf, verifySignature } from './signature-verification.js';
import { signAndAssemble } from './signed-object.js';
import { encodeTbsCrl, type TbsCrlFields } from './tbs-crl.js';

/** Why a certificate is revoked. "unspecified" is written by leaving reasonCode out (RFC 5280 §5.3.1, BR §7.2.2.1). */
export type RevocationReason = 'unspecified' | 'keyCompromise' | 'cACompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation' | 'privilegeWithdrawn';

export interface RevocationEntry {
  /** Serial number as hex (as the certificate summary shows it) or as the INTEGER's content octets. */
  serialNumber: string | Uint8Array;
  revocationDate: Date;
  reason: RevocationReason;
}

export interface CrlRequest {
  /** The CA's key on the HSM. */
  signer: Signer;
  /** The CA's certificate, DER or PEM. */
  issuerCertificate: Uint8Array | string;
  revoked: readonly RevocationEntry[];
  /** Default: the signing time. */
  thisUpdate?: Date;
  nextUpdate: Date;
  /** Monotonically increasing across the CA's CRLs (RFC 5280 §5.2.3); the runner keeps the count. */
  crlNumber: bigint;
  signingTime?: Date;
  signature?: SignatureChoice;
}

export interface PreparedCrl {
  profile: CrlProfile;
  fields: TbsCrlFields;
  signer: Signer;
  issuer: CertificateView;
  signingTime: Date;
}

export interface IssuedCrl {
  der: Uint8Array;
  pem: string;
  sha256: string;
  summary: CrlSummary;
}

/**
 * Prepares a CRL without signing it.
 * @throws PkiError PKI_REVOCATION_INVALID for an unreadable serial or unknown reason; PKI_ISSUER_KEY_MISMATCH.
 */
export function prepareCrl(request: CrlRequest): PreparedCrl {
  const signingTime = request.signingTime ?? new Date();
  const issuer = readIssuer(request.issuerCertificate, request.signer);
  return {
    profile: crlProfile,
    fields: {
      signatureAlgorithm: chooseSignatureAlgorithm(request.signer.keyType, request.signature),
      issuerName: new Uint8Array(issuer.view.subject.der),
      thisUpdate: wholeSeconds(request.thisUpdate ?? signingTime),
      nextUpdate: wholeSeconds(request.nextUpdate),
      revoked: request.revoked.map((entry) => ({
        serialNumber: serialBytes(entry.serialNumber),
        revocationDate: wholeSeconds(entry.revocationDate),
        extensions: entry.reason === 'unspecified' ? [] : [reasonCodeExtension(reasonCode(entry.reason))],
      })),
      extensions: [authorityKeyIdentifierExtension(issuer.keyId), crlNumberExtension(request.crlNumber)],
    },
    signer: request.signer,
    issuer: issuer.view,
    signingTime,
  };
}

/**
 * Lints, signs, lints the signed DER, checks the TBS is unchanged and verifies the signature.
 * @throws LintFailedError (nothing signed when phase is "to-be-signed"); PkiError; HsmError.
 */
export async function signPreparedCrl(prepared: PreparedCrl): Promise<IssuedCrl> {
  const tbs = encodeTbsCrl(prepared.fields);
  const context: CrlLintContext = { signingTime: prepared.signingTime, issuer: prepared.issuer };
  const check = (view: CrlView, phase: 'to-be-signed' | 'signed') => {
    const failures = runLints(prepared.profile.lints, view, context);
    if (failures.length > 0) throw new LintFailedError(prepared.profile.name, phase, failures);
  };
  const tbsView = readTbsCrl(tbs);
  check(tbsView, 'to-be-signed');
  if (!Buffer.from(prepared.signer.spki).equals(prepared.issuer.spki)) {
    throw new PkiError('PKI_ISSUER_KEY_MISMATCH', "The signing key on the HSM is not the CA certificate's key.");
  }
  const algorithm = signatureAlgorithmFromIdentifier(tbsView.signature)!;
  const der = await signAndAssemble(prepared.signer, algorithm, tbs);
  const view = readCrl(der);
  check(view, 'signed');
  if (!Buffer.from(view.tbsDer).equals(tbs)) throw new PkiError('PKI_SIGNED_TBS_CHANGED', 'The signed CRL does not contain the exact bytes that were checked. It was discarded.');
  if (!verifySignature(prepared.issuer.spki, schemeOf(algorithm), view.tbsDer, view.signed!.signatureValue)) {
    throw new PkiError('PKI_SIGNATURE_CHECK_FAILED', "The HSM's signature on the CRL does not verify with the CA's public key. The CRL was discarded.");
  }
  return { der, pem: toPem('X509 CRL', der), sha256: sha256Hex(der), summary: summarizeCrl(der) };
}

/**
 * Issues a CRL (profile crl) signed by the CA key through the Signer.
 * @throws LintFailedError listing every rule broken (nothing signed); PkiError; HsmError.
 */
export async function issueCrl(request: CrlRequest): Promise<IssuedCrl> {
  return signPreparedCrl(prepareCrl(request));
}

function serialBytes(serial: string | Uint8Array): Uint8Array {
  if (typeof serial !== 'string') return serial;
  const hex = serial.replace(/[:\s]/g, '');
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new PkiError('PKI_REVOCATION_INVALID', `"${serial}" is not a serial number in hex.`);
  return new Uint8Array(asn1js.Integer.fromBigInt(BigInt(`0x${hex}`)).valueBlock.valueHexView);
}

function reasonCode(reason: string): number {
  const code = (REASON_CODES as Record<string, number>)[reason];
  if (code === undefined) throw new PkiError('PKI_REVOCATION_INVALID', `"${reason}" is not a revocation reason; use keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn or unspecified.`);
  return code as (typeof REASON_CODES)[ReasonName];
}

function wholeSeconds(date: Date): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new PkiError('PKI_VALIDITY_INVALID', 'A CRL date is not a valid date.');
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
