import type { KeyPairType, SignatureAlgorithm } from '../hsm/key-spec.js';

/** OIDs of the hashes the seal and the verifier accept (RFC 5754 §2). SHA-1 is not among them. */
export const DIGEST_OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

export type DigestName = keyof typeof DIGEST_OIDS;

/** How a signature of a given AlgorithmIdentifier is checked with node:crypto. */
export interface SignatureScheme {
  kind: 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss';
  /** The hash; undefined when the AlgorithmIdentifier leaves it to the context (rsaEncryption in CMS). */
  digest: DigestName | undefined;
}

/** Signature AlgorithmIdentifier OIDs (RFC 5758 §3.2 for ECDSA, RFC 4055 §5 for RSA). */
const SIGNATURE_SCHEMES: Record<string, SignatureScheme> = {
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', digest: 'sha256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', digest: 'sha384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', digest: 'sha512' },
  '1.2.840.113549.1.1.11': { kind: 'rsa-pkcs1', digest: 'sha256' },
  '1.2.840.113549.1.1.12': { kind: 'rsa-pkcs1', digest: 'sha384' },
  '1.2.840.113549.1.1.13': { kind: 'rsa-pkcs1', digest: 'sha512' },
  // rsaEncryption: CMS allows it as a SignerInfo's signatureAlgorithm (RFC 3370 §3.2), the hash being the digestAlgorithm.
  '1.2.840.113549.1.1.1': { kind: 'rsa-pkcs1', digest: undefined },
  // RSASSA-PSS: the hash and salt length are in the parameters (RFC 4055 §3.1).
  '1.2.840.113549.1.1.10': { kind: 'rsa-pss', digest: undefined },
};

/** The scheme of a signature AlgorithmIdentifier OID, or undefined when it is not one we accept. */
export function signatureScheme(oid: string): SignatureScheme | undefined {
  return SIGNATURE_SCHEMES[oid];
}

/** The hash name of a digest AlgorithmIdentifier OID, or undefined when it is not accepted. */
export function digestName(oid: string): DigestName | undefined {
  return (Object.keys(DIGEST_OIDS) as DigestName[]).find((name) => DIGEST_OIDS[name] === oid);
}

/** What the seal uses for a key type: the hash that matches the curve (as the PKI profiles do), SHA-256 for RSA. */
export interface SealAlgorithm {
  signer: SignatureAlgorithm;
  digest: DigestName;
  signatureOid: string;
  /** RSA AlgorithmIdentifiers carry a NULL parameter; ECDSA ones carry none (RFC 5758 §3.2). */
  nullParameter: boolean;
}

/** The seal's algorithm for a key pair type. */
export function sealAlgorithm(keyType: KeyPairType): SealAlgorithm {
  if (keyType.kind === 'rsa') return { signer: 'rsa-pkcs1-sha256', digest: 'sha256', signatureOid: '1.2.840.113549.1.1.11', nullParameter: true };
  const digest = ({ 'P-256': 'sha256', 'P-384': 'sha384', 'P-521': 'sha512' } as const)[keyType.curve];
  const signatureOid = { sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3', sha512: '1.2.840.10045.4.3.4' }[digest];
  return { signer: `ecdsa-${digest}`, digest, signatureOid, nullParameter: false };
}
