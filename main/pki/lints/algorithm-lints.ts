import { algorithmFitsKey, signatureAlgorithmFromIdentifier } from '../algorithms.js';
import { describePublicKeyType, inspectPublicKey } from '../public-key.js';
import type { CertificateLint } from './certificate-lint.js';
import { unless } from './lint.js';

/** BR §7.1.3.2: the signature AlgorithmIdentifier is one of the exact BR encodings (no SHA-1, RSA with NULL). */
export const signatureAlgorithmEncoding: CertificateLint = {
  id: 'signature-algorithm-encoding',
  clause: 'BR §7.1.3.2',
  check: (c) => unless(signatureAlgorithmFromIdentifier(c.signature) !== undefined, `The signature AlgorithmIdentifier (${hex(c.signature)}) is not one of the encodings BR §7.1.3.2 allows.`),
};

/** BR §7.1.3.2: the algorithm fits the issuer's key (RSA for RSA; for EC the curve's own hash). */
export const signatureAlgorithmMatchesIssuerKey: CertificateLint = {
  id: 'signature-algorithm-matches-issuer-key',
  clause: 'BR §7.1.3.2',
  check: (c, ctx) => {
    const algorithm = signatureAlgorithmFromIdentifier(c.signature);
    const key = inspectPublicKey(ctx.issuer.spki);
    if (algorithm === undefined) return [];
    if ('code' in key) return [`The issuer's public key is not acceptable: ${key.message}`];
    return unless(algorithmFitsKey(algorithm, key), `The signature algorithm ${algorithm} does not fit the issuer's ${describePublicKeyType(key)} key.`);
  },
};

/** RFC 5280 §4.1.1.2: signatureAlgorithm is identical to the TBS signature field. */
export const signatureAlgorithmFieldsMatch: CertificateLint = {
  id: 'signature-algorithm-fields-match',
  clause: 'RFC 5280 §4.1.1.2',
  signedOnly: true,
  check: (c) => unless(c.signed !== undefined && hex(c.signed.signatureAlgorithm) === hex(c.signature), 'The outer signatureAlgorithm differs from the signature field inside the TBS certificate.'),
};

/** BR §6.1.5, §6.1.6, §7.1.3.1: the certified key's type, size, exponent or curve, and encoding. */
export const subjectPublicKey: CertificateLint = {
  id: 'subject-public-key',
  clause: 'BR §6.1.5, §6.1.6, §7.1.3.1',
  check: (c) => {
    const key = inspectPublicKey(c.spki);
    return 'code' in key ? [key.message] : [];
  },
};

/** The key certified is exactly the one the HSM reported or the CSR carried. */
export const subjectPublicKeyMatchesRequest: CertificateLint = {
  id: 'subject-public-key-matches-request',
  clause: 'Conclave: certify the key that was presented',
  check: (c, ctx) => unless(hex(c.spki) === hex(ctx.subjectSpki), 'The certificate carries a different public key from the one presented for certification.'),
};

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
