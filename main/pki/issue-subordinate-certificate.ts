import type { Signer } from '../hsm/signer.js';
import { chooseSignatureAlgorithm } from './algorithms.js';
import type { ParsedCsr } from './csr.js';
import { authorityInformationAccessExtension } from './extensions/authority-information-access.js';
import { basicConstraintsExtension } from './extensions/basic-constraints.js';
import { certificatePoliciesExtension } from './extensions/certificate-policies.js';
import { crlDistributionPointsExtension } from './extensions/crl-distribution-points.js';
import { extendedKeyUsageExtension } from './extensions/extended-key-usage.js';
import type { ExtensionValue } from './extensions/extension.js';
import { authorityKeyIdentifierExtension, subjectKeyIdentifierExtension } from './extensions/key-identifiers.js';
import { keyUsageExtension } from './extensions/key-usage.js';
import { KEY_PURPOSE, POLICY, oidName } from './extensions/oids.js';
import { notBeforeWindowSeconds, type CertificateRequestBase } from './issuance-options.js';
import { signPreparedCertificate, type IssuedCertificate, type PreparedCertificate } from './issued-certificate.js';
import { readIssuer } from './issuer.js';
import { keyIdentifier } from './key-identifier.js';
import { encodeName } from './names.js';
import { PkiError } from './pki-error.js';
import { RecentResults } from './recent-results.js';
import { subordinateCaProfile } from './profiles/subordinate-ca.js';
import { SUBORDINATE_CA_EXTENSIONS, tlsSubordinateCaProfile } from './profiles/tls-subordinate-ca.js';
import { resolveValidity } from './validity.js';

export interface CertificateFromCsrRequest extends CertificateRequestBase {
  profile: 'tls-subordinate-ca' | 'subordinate-ca';
  /** The issuing CA's key on the HSM. */
  issuerSigner: Signer;
  /** The issuing CA's certificate, DER or PEM. */
  issuerCertificate: Uint8Array | string;
  /** The checked CSR (parseCsr). Only its public key is used, and the extensions the script copies. */
  csr: ParsedCsr;
  /** pathLenConstraint; default 0 (the subordinate may issue only end-entity certificates). */
  pathLength?: number;
  /** extKeyUsage purposes by name (serverAuth, clientAuth, …) or OID. Default: serverAuth for tls-subordinate-ca, none otherwise. */
  extendedKeyUsages?: readonly string[];
  /** certificatePolicies OIDs. Default: the BR domain-validated OID for tls-subordinate-ca, none otherwise. */
  policies?: readonly string[];
  /** CRL locations (http:// for tls-subordinate-ca). */
  crlDistributionPoints?: readonly string[];
  /** Where the issuer's certificate is published (http:// for tls-subordinate-ca). */
  caIssuers?: readonly string[];
  /** OCSP responders, if any. */
  ocsp?: readonly string[];
  /** Add digitalSignature to keyUsage (BR allows it for CAs that sign OCSP responses). */
  digitalSignature?: boolean;
  /** OIDs of CSR-requested extensions to copy as requested (e.g. nameConstraints); all others are ignored. */
  copyRequestedExtensions?: readonly string[];
}

/**
 * Prepares a subordinate CA certificate from a CSR without signing it. The
 * subject comes from the script, the key from the CSR.
 * @throws PkiError for a request that cannot be encoded.
 */
export async function prepareCertificateFromCsr(request: CertificateFromCsrRequest): Promise<PreparedCertificate> {
  const tls = request.profile === 'tls-subordinate-ca';
  const signingTime = request.signingTime ?? new Date();
  const issuer = readIssuer(request.issuerCertificate, request.issuerSigner);
  const algorithm = chooseSignatureAlgorithm(request.issuerSigner.keyType, request.signature);
  const copied = copiedExtensions(request);
  const fixed = fixedExtensions(request, issuer.keyId);
  const extensions: ExtensionValue[] = [
    ...fixed.before.map(ownCopy),
    subjectKeyIdentifierExtension(keyIdentifier(request.csr.spki)),
    ...fixed.after.map(ownCopy),
  ];
  extensions.push(...copied);
  return {
    profile: tls ? tlsSubordinateCaProfile : subordinateCaProfile,
    fields: {
      serialNumber: await request.serialNumbers.next(),
      signatureAlgorithm: algorithm,
      issuerName: new Uint8Array(issuer.view.subject.der),
      validity: resolveValidity(request.validity, signingTime),
      subjectName: encodeName(request.subject),
      spki: request.csr.spki,
      extensions,
    },
    subjectSpki: request.csr.spki,
    signer: request.issuerSigner,
    issuer: issuer.view,
    signingTime,
    notBeforeWindowSeconds: notBeforeWindowSeconds(request),
    copiedExtensions: copied.map((e) => e.oid),
  };
}

/**
 * Issues a subordinate CA certificate (profile tls-subordinate-ca or
 * subordinate-ca) from a checked CSR: lints, signs with the issuer's key
 * through the Signer, lints again and verifies.
 * @throws LintFailedError listing every rule the request breaks (nothing signed); PkiError; HsmError.
 */
export async function issueCertificateFromCsr(request: CertificateFromCsrRequest): Promise<IssuedCertificate> {
  return signPreparedCertificate(await prepareCertificateFromCsr(request));
}

/** The extensions other than the subject's key identifier, around where it goes (RFC 5280 §4.2 sets no order; ours is fixed). */
interface FixedExtensions {
  before: readonly ExtensionValue[];
  after: readonly ExtensionValue[];
}

/**
 * Every certificate a script issues under one issuer carries the same
 * extensions but for its subjectKeyIdentifier: encoded once per distinct
 * choice of options and issuer, each certificate gets its own copy.
 */
const recentFixedExtensions = new RecentResults<FixedExtensions>(4);

function fixedExtensions(request: CertificateFromCsrRequest, issuerKeyId: Uint8Array): FixedExtensions {
  const tls = request.profile === 'tls-subordinate-ca';
  const options = {
    pathLength: request.pathLength ?? 0,
    digitalSignature: request.digitalSignature === true,
    purposes: (request.extendedKeyUsages ?? (tls ? ['serverAuth'] : [])).map(purposeOid),
    policies: request.policies ?? (tls ? [POLICY.domainValidated] : []),
    crlDistributionPoints: request.crlDistributionPoints ?? [],
    caIssuers: request.caIssuers ?? [],
    ocsp: request.ocsp ?? [],
    issuerKeyId: Buffer.from(issuerKeyId).toString('hex'),
  };
  return recentFixedExtensions.get(new TextEncoder().encode(JSON.stringify(options)), () => {
    const after = [authorityKeyIdentifierExtension(issuerKeyId)];
    if (options.purposes.length > 0) after.push(extendedKeyUsageExtension(options.purposes));
    if (options.policies.length > 0) after.push(certificatePoliciesExtension(options.policies));
    if (options.crlDistributionPoints.length > 0) after.push(crlDistributionPointsExtension(options.crlDistributionPoints));
    if (options.caIssuers.length > 0 || options.ocsp.length > 0) after.push(authorityInformationAccessExtension({ caIssuers: options.caIssuers, ocsp: options.ocsp }));
    const before = [
      basicConstraintsExtension({ ca: true, pathLength: options.pathLength }),
      keyUsageExtension(options.digitalSignature ? ['digitalSignature', 'keyCertSign', 'cRLSign'] : ['keyCertSign', 'cRLSign']),
    ];
    return { before, after };
  });
}

function ownCopy(extension: ExtensionValue): ExtensionValue {
  return { oid: extension.oid, critical: extension.critical, value: new Uint8Array(extension.value) };
}

function purposeOid(purpose: string): string {
  const known = (KEY_PURPOSE as Record<string, string>)[purpose];
  if (known) return known;
  if (/^\d+(\.\d+)+$/.test(purpose)) return purpose;
  throw new PkiError('PKI_OPTION_INVALID', `"${purpose}" is not an extended key usage Conclave knows; use a name such as serverAuth or clientAuth, or an OID.`);
}

/** The CSR's requested extensions the script chose to copy; never one the profile sets itself. */
function copiedExtensions(request: CertificateFromCsrRequest): ExtensionValue[] {
  const wanted = request.copyRequestedExtensions ?? [];
  for (const oid of wanted) {
    if ((SUBORDINATE_CA_EXTENSIONS as string[]).includes(oid)) {
      throw new PkiError('PKI_EXTENSION_NOT_COPYABLE', `${oidName(oid)} is set by the profile from the script; it cannot be copied from the CSR.`);
    }
  }
  return request.csr.requestedExtensions.filter((e) => wanted.includes(e.oid)).map(({ oid, critical, value }) => ({ oid, critical, value }));
}
