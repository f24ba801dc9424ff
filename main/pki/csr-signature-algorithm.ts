import type { HashName } from './algorithms.js';
import { integerValue, isContext, isUniversal, oidText, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { PkiError } from './pki-error.js';
import type { SignatureScheme } from './signature-verification.js';

const HASHES: Record<string, HashName> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const ECDSA: Record<string, HashName> = { '1.2.840.10045.4.3.2': 'sha256', '1.2.840.10045.4.3.3': 'sha384', '1.2.840.10045.4.3.4': 'sha512' };
const RSA_PKCS1: Record<string, HashName> = { '1.2.840.113549.1.1.11': 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512' };
const SHA1_SIGNATURES = new Set(['1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.3.14.3.2.29', '1.2.840.10040.4.3']);
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const SHA1 = '1.3.14.3.2.26';

/**
 * The signature scheme of a CSR's signatureAlgorithm. A CSR only proves
 * possession of the key, so any SHA-2 ECDSA, RSA PKCS#1 v1.5 or RSASSA-PSS
 * signature is accepted (openssl signs a P-384 request with SHA-256 by
 * default); SHA-1 never is.
 * @throws PkiError PKI_SHA1_REFUSED or PKI_SIGNATURE_ALGORITHM_UNSUPPORTED.
 */
export function csrSignatureScheme(algorithm: DerNode): SignatureScheme {
  const [oidNode, params, ...extra] = sequenceOf(algorithm) ?? [];
  if (!isUniversal(oidNode, UNIVERSAL.oid) || extra.length > 0) unsupported('its signature AlgorithmIdentifier is malformed');
  const oid = oidText(oidNode);
  if (SHA1_SIGNATURES.has(oid)) sha1();
  if (ECDSA[oid]) {
    if (params !== undefined) unsupported('its ECDSA AlgorithmIdentifier carries parameters (RFC 5758 §3.2 forbids them)');
    return { kind: 'ecdsa', hash: ECDSA[oid] };
  }
  if (RSA_PKCS1[oid]) {
    if (params !== undefined && !isUniversal(params, UNIVERSAL.null)) unsupported('its RSA AlgorithmIdentifier has parameters other than NULL');
    return { kind: 'rsa-pkcs1', hash: RSA_PKCS1[oid] };
  }
  if (oid === RSASSA_PSS) return pssScheme(params);
  unsupported(`it is signed with algorithm ${oid}, which Conclave does not accept`);
}

/** RFC 4055 §3.1 RSASSA-PSS-params; absent fields default to SHA-1, which is refused. */
function pssScheme(params: DerNode | undefined): SignatureScheme {
  const fields = sequenceOf(params) ?? unsupported('its RSASSA-PSS parameters are missing');
  const field = (n: number) => {
    const f = fields.find((item) => isContext(item, n));
    return f?.constructed ? f.children[0] : undefined;
  };
  const hashOid = algorithmOid(field(0)) ?? SHA1;
  const mgf = sequenceOf(field(1));
  const mgfOid = mgf ? algorithmOid(field(1)) : MGF1;
  const mgfHash = mgf ? algorithmOid(mgf[1]) : SHA1;
  const salt = field(2);
  const trailer = field(3);
  if (hashOid === SHA1 || mgfHash === SHA1) sha1();
  const hash = HASHES[hashOid];
  if (!hash || mgfOid !== MGF1 || mgfHash !== hashOid) unsupported('its RSASSA-PSS parameters are not SHA-2 with MGF1 over the same hash');
  if (trailer !== undefined && !(isUniversal(trailer, UNIVERSAL.integer) && integerValue(trailer) === 1n)) unsupported('its RSASSA-PSS trailer field is not 1');
  const saltLength = salt === undefined ? 20 : isUniversal(salt, UNIVERSAL.integer) ? Number(integerValue(salt)) : -1;
  if (saltLength < 0 || saltLength > 1024) unsupported('its RSASSA-PSS salt length is invalid');
  return { kind: 'rsa-pss', hash, saltLength };
}

function algorithmOid(node: DerNode | undefined): string | undefined {
  const first = sequenceOf(node)?.[0];
  return isUniversal(first, UNIVERSAL.oid) ? oidText(first) : undefined;
}

function sha1(): never {
  throw new PkiError('PKI_SHA1_REFUSED', 'The CSR is signed with SHA-1, which Conclave refuses. Ask for a new CSR signed with SHA-256 or stronger.');
}

function unsupported(why: string): never {
  throw new PkiError('PKI_SIGNATURE_ALGORITHM_UNSUPPORTED', `The CSR cannot be checked: ${why}.`);
}
