import { readExtensions, type ExtensionView } from './certificate-view.js';
import { csrSignatureScheme } from './csr-signature-algorithm.js';
import { integerValue, isContext, isUniversal, oidText, readStrictDer, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { sha256Hex } from './fingerprint.js';
import { formatName, readName, type NameView } from './names.js';
import { pemOrDerToDer } from './pem.js';
import { PkiError } from './pki-error.js';
import { checkPublicKey, describePublicKeyType, type PublicKeyType } from './public-key.js';
import { verifySignature, type SignatureScheme } from './signature-verification.js';

/** A CSR that passed every check: its key is acceptable and it is signed by that key. */
export interface ParsedCsr {
  der: Uint8Array;
  /** SHA-256 of the DER, hex. */
  sha256: string;
  /** The subject the CSR asks for: shown for comparison, never copied into a certificate. */
  subject: NameView;
  subjectText: string;
  spki: Uint8Array;
  spkiSha256: string;
  publicKey: PublicKeyType;
  /** "EC P-384", "RSA 4096". */
  publicKeyText: string;
  signature: SignatureScheme;
  /** Extensions from the extensionRequest attribute (PKCS#9); ignored unless the script copies them. */
  requestedExtensions: ExtensionView[];
  /** OIDs of other attributes present (e.g. challengePassword), for display. */
  otherAttributes: string[];
}

const CODE = 'PKI_MALFORMED_CSR';
const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

function malformed(what: string): never {
  throw new PkiError(CODE, `The CSR is malformed: ${what}. Ask for the CSR again, exported as PEM or DER.`);
}

/**
 * Parses a PKCS#10 CSR (RFC 2986), PEM or DER, strictly: one DER value,
 * version 0, a key BR §6.1.5 allows, and a signature that verifies with the
 * CSR's own key.
 * @throws PkiError PKI_NOT_PEM_OR_DER, PKI_MALFORMED_CSR, PKI_SHA1_REFUSED,
 *   PKI_SIGNATURE_ALGORITHM_UNSUPPORTED, PKI_CSR_SIGNATURE_INVALID, or a key code
 *   (PKI_RSA_KEY_TOO_SMALL, PKI_RSA_MODULUS_NOT_MULTIPLE_OF_8, PKI_EC_CURVE_NOT_ALLOWED, …).
 */
export function parseCsr(input: Uint8Array | string): ParsedCsr {
  const der = pemOrDerToDer(input, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], 'CSR');
  const outer = sequenceOf(readStrictDer(der, 'CSR', CODE));
  const [info, algorithm, signatureValue] = outer ?? [];
  const fields = sequenceOf(info);
  if (outer?.length !== 3 || !fields || !isUniversal(signatureValue, UNIVERSAL.bitString)) {
    malformed('it is not SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature }');
  }
  const [version, subjectNode, spkiNode, attributesNode] = fields;
  if (!isUniversal(version, UNIVERSAL.integer) || integerValue(version) !== 0n) malformed('its version is not 0 (v1)');
  if (!subjectNode || !sequenceOf(spkiNode) || !isContext(attributesNode, 0) || fields.length !== 4 || !attributesNode!.constructed) {
    malformed('the request info is not { version, subject, subjectPKInfo, [0] attributes }');
  }
  const subject = readName(subjectNode, CODE, 'CSR subject');
  const spki = new Uint8Array(spkiNode!.der);
  const scheme = csrSignatureScheme(algorithm!);
  const publicKey = checkPublicKey(spki);
  const signatureBits = signatureValue!.content;
  if (signatureBits[0] !== 0) malformed('its signature BIT STRING has unused bits');
  if (!verifySignature(spki, scheme, info!.der, signatureBits.subarray(1))) {
    throw new PkiError('PKI_CSR_SIGNATURE_INVALID', "The CSR's signature does not verify with its own public key: it was altered or damaged. Ask for a new CSR.");
  }
  const { requestedExtensions, otherAttributes } = readAttributes(attributesNode!);
  return {
    der,
    sha256: sha256Hex(der),
    subject,
    subjectText: formatName(subject),
    spki,
    spkiSha256: sha256Hex(spki),
    publicKey,
    publicKeyText: describePublicKeyType(publicKey),
    signature: scheme,
    requestedExtensions,
    otherAttributes,
  };
}

/** RFC 2986 §4.1 attributes; PKCS#9 (RFC 2985 §5.4.2) extensionRequest holds one Extensions value. */
function readAttributes(node: DerNode): { requestedExtensions: ExtensionView[]; otherAttributes: string[] } {
  let requestedExtensions: ExtensionView[] | undefined;
  const otherAttributes: string[] = [];
  for (const attribute of node.children) {
    const [type, values, ...extra] = sequenceOf(attribute) ?? [];
    if (!isUniversal(type, UNIVERSAL.oid) || !isUniversal(values, UNIVERSAL.set) || !values.constructed || extra.length > 0) malformed('an attribute is not { type, SET OF values }');
    const oid = oidText(type!);
    if (oid !== EXTENSION_REQUEST) {
      otherAttributes.push(oid);
      continue;
    }
    if (requestedExtensions !== undefined || values!.children.length !== 1) malformed('extensionRequest does not hold exactly one Extensions value');
    requestedExtensions = readExtensions(values!.children[0], malformed);
  }
  return { requestedExtensions: requestedExtensions ?? [], otherAttributes };
}
