/**
 * Steps that check the CA and sign certificates and CRLs. Signing is
 * irreversible: a signed certificate or CRL can be published by anyone who
 * sees it, so each asks for the confirmation word.
 */
import type { CertificateEntry } from '../../../shared/script/certificates.js';
import type { CrlEntry } from '../../../shared/script/crls.js';
import type { PlannedStep } from '../../../shared/script/plan.js';
import { subjectAttributes } from '../../../shared/script/subject.js';
import type { Validity } from '../../../shared/script/validity.js';

/** Verify the bundle the ceremony builds on, before anything is read from it. */
export function sourceVerifyStep(source: string): PlannedStep {
  return {
    id: 'source.verify',
    action: { type: 'source.verify' },
    title: 'Verify the source bundle',
    instructions: `Conclave verifies the evidence bundle ${source} as \`conclave verify\` does: SHA256SUMS, the transcript's hash chain and its seal, the certificates, and the backup against the transcript. Anything that does not verify stops the ceremony.`,
    creates: [{ kind: 'record', name: 'source.verified', description: 'the source bundle and the SHA-256 of its transcript' }],
    irreversible: null,
  };
}

/** Check that the issuer key on the token is the one its certificate certifies. */
export function issuerCheckStep(key: string, certificate: string): PlannedStep {
  return {
    id: 'issuer.check',
    action: { type: 'issuer.check', key, certificate },
    title: 'Check the issuer key against its certificate',
    instructions: `Conclave finds the key pair "${key}" on the token and checks that its public key is the one in certs/${certificate}.pem of the source bundle. A mismatch stops the ceremony before anything is signed.`,
    creates: [
      { kind: 'file', name: `certs/${certificate}.pem`, description: 'the issuer certificate, copied from the source bundle' },
      { kind: 'record', name: 'issuer.checked', description: 'key label, CKA_ID, SPKI SHA-256, certificate SHA-256' },
    ],
    irreversible: null,
  };
}

/**
 * Sign one certificate. `signerLabel` is the token label of the signing key;
 * `keyLabel` that of the certified key when it is generated here.
 */
export function certificateStep(cert: CertificateEntry, signerLabel: string, keyLabel: string | undefined): PlannedStep {
  const subject = distinguishedName(cert);
  const validity = describeValidity(cert.validity);
  const whose =
    cert.profile === 'root-ca'
      ? `The root key "${signerLabel}" signs its own certificate`
      : cert.csr !== undefined
        ? `Conclave reads the request ${cert.csr} and checks its signature; the witness compares the SHA-256 of its public key with the one the requester gave. The key "${signerLabel}" signs`
        : `The key "${signerLabel}" signs`;
  const forKey = keyLabel !== undefined && cert.profile !== 'root-ca' ? ` for the key "${keyLabel}"` : '';
  const subjectNote = cert.csr !== undefined ? ' (the subject is the script\'s, not the request\'s)' : '';
  const auditNote = cert.profile === 'audit' ? ' This key seals the transcript when the ceremony closes.' : '';
  return {
    id: `certificate.${cert.name}`,
    action: { type: 'certificate.sign', certificate: cert.name },
    title: titleOf(cert),
    instructions: `${whose} a ${cert.profile} certificate${forKey} for ${subject}${subjectNote}, ${validity}. Conclave lints it before and after signing, verifies the signature and shows its SHA-256 fingerprint for the witness.${auditNote}`,
    creates: [
      { kind: 'file', name: `certs/${cert.name}.pem`, description: `the ${cert.profile} certificate (and certs/${cert.name}.der)` },
      { kind: 'record', name: 'cert.issued', description: 'name, serial, subject, SHA-256 of the DER' },
    ],
    irreversible: {
      word: 'SIGN',
      consequence: `Once signed, the certificate for ${subject} exists and can be published; it can only be revoked, never unsigned.`,
    },
  };
}

/** Sign one CRL with the issuer's key. */
export function crlStep(crl: CrlEntry, signerLabel: string): PlannedStep {
  const serials = crl.revoked.map((r) => `${r.serial} (${r.reason})`);
  const revokes = serials.length > 0 ? `revoking ${serials.join(', ')}` : 'revoking no certificate';
  const carried = crl.previous !== undefined ? `, carrying forward every entry of crls/${crl.previous}.crl from the source bundle` : '';
  const number = crl.number !== undefined ? `number ${crl.number}` : crl.previous !== undefined ? `the number after crls/${crl.previous}.crl's` : 'number 1';
  return {
    id: `crl.${crl.name}`,
    action: { type: 'crl.sign', crl: crl.name },
    title: `Sign the CRL ${crl.name}`,
    instructions: `The key "${signerLabel}" of ${crl.issuer} signs CRL ${number}, ${revokes}${carried}. Its next update is ${crl.nextUpdateDays} days after signing. Conclave verifies it and shows its SHA-256.`,
    creates: [
      { kind: 'file', name: `crls/${crl.name}.crl`, description: 'the CRL, DER (and a .pem beside it)' },
      { kind: 'record', name: 'crl.issued', description: 'issuer, number, revoked serials, SHA-256' },
    ],
    irreversible: {
      word: 'SIGN',
      consequence: 'Once signed, the CRL can be published; a revocation in it cannot be taken back.',
    },
  };
}

function titleOf(cert: CertificateEntry): string {
  switch (cert.profile) {
    case 'root-ca':
      return `Sign the root certificate ${cert.name}`;
    case 'audit':
      return `Certify the audit key (${cert.name})`;
    default:
      return `Sign the subordinate certificate ${cert.name}`;
  }
}

/** "C=DE, O=ACME, CN=ACME Root CA 2026", in the script's order. */
export function distinguishedName(cert: CertificateEntry): string {
  return subjectAttributes(cert.subject)
    .map((a) => `${a.type}=${a.value}`)
    .join(', ');
}

function describeValidity(v: Validity): string {
  const from = v.notBefore !== undefined ? `from ${v.notBefore}` : 'from the moment of signing';
  const to = v.notAfter !== undefined ? `until ${v.notAfter}` : `for ${v.days} days`;
  return `valid ${from} ${to}`;
}
