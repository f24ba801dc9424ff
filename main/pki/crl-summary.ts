import { signatureAlgorithmFromIdentifier } from './algorithms.js';
import { findExtension } from './certificate-view.js';
import { readCrl } from './crl-view.js';
import { readCrlNumber, readReasonCode, reasonName } from './extensions/crl-extensions.js';
import { describeExtension, type ExtensionSummary } from './extensions/describe-extension.js';
import { EXTENSION } from './extensions/oids.js';
import { sha256Hex } from './fingerprint.js';
import { formatName } from './names.js';

/** What the UI and the transcript show for a CRL. */
export interface CrlSummary {
  issuer: string;
  /** ISO 8601, UTC. */
  thisUpdate: string;
  nextUpdate: string | undefined;
  /** Decimal. */
  crlNumber: string | undefined;
  signatureAlgorithm: string;
  revoked: { serialNumber: string; revocationDate: string; reason: string }[];
  extensions: ExtensionSummary[];
  /** SHA-256 of the DER, hex. */
  sha256: string;
}

/**
 * Summarises a DER CRL.
 * @throws PkiError PKI_MALFORMED_CRL
 */
export function summarizeCrl(der: Uint8Array): CrlSummary {
  const view = readCrl(der);
  const number = findExtension(view, EXTENSION.cRLNumber);
  return {
    issuer: formatName(view.issuer),
    thisUpdate: view.thisUpdate.date.toISOString(),
    nextUpdate: view.nextUpdate?.date.toISOString(),
    crlNumber: number && readCrlNumber(number.value)?.value.toString(),
    signatureAlgorithm: signatureAlgorithmFromIdentifier(view.signed!.signatureAlgorithm) ?? Buffer.from(view.signed!.signatureAlgorithm).toString('hex'),
    revoked: (view.revoked ?? []).map((entry) => {
      const reason = entry.extensions?.find((e) => e.oid === EXTENSION.reasonCode);
      const code = reason && readReasonCode(reason.value);
      return { serialNumber: Buffer.from(entry.serialNumber).toString('hex'), revocationDate: entry.revocationDate.date.toISOString(), reason: code === undefined ? 'unspecified' : reasonName(code) };
    }),
    extensions: (view.extensions ?? []).map(describeExtension),
    sha256: sha256Hex(der),
  };
}
