import { createPublicKey, type KeyObject } from 'node:crypto';
import type { EcCurve } from '../hsm/key-spec.js';
import { isBrPublicKeyAlgorithmIdentifier } from './algorithms.js';
import { isUniversal, readStrictDer, sequenceOf, UNIVERSAL, type DerNode } from './der-node.js';
import { PkiError, type PkiErrorCode } from './pki-error.js';
import { RecentResults } from './recent-results.js';

/** A public key Conclave accepts in a certificate. RSA sizes are any multiple of 8 from 2048. */
export type PublicKeyType = { kind: 'ec'; curve: EcCurve } | { kind: 'rsa'; bits: number };

/** A public key problem: a code for programs, a sentence for people. */
export interface PublicKeyProblem {
  code: PkiErrorCode;
  message: string;
}

/** OpenSSL's curve names (node:crypto asymmetricKeyDetails.namedCurve) for the curves BR §6.1.5 allows. */
const ALLOWED_CURVES: Record<string, EcCurve> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const CURVE_NAMES: Record<string, string> = { prime192v1: 'P-192', secp224r1: 'P-224', secp256k1: 'secp256k1' };

/** What reading a SubjectPublicKeyInfo gave: OpenSSL's key (when it could read it) and the verdict on it. */
interface PublicKeyReading {
  readonly key?: KeyObject;
  readonly inspection: Readonly<PublicKeyType | PublicKeyProblem>;
}

/**
 * One issuance reads the same two keys many times: the CSR's key (its own
 * check and signature, the lints before and after signing, the summary) and
 * the issuer's (the algorithm lint, the signature check). OpenSSL's SPKI
 * decoder is the costliest step of each read, so the last few readings are
 * kept (a KeyObject is immutable; the verdict is frozen).
 */
const recentPublicKeys = new RecentResults<PublicKeyReading>(4);

/** "RSA 3072" or "EC P-384": how the summary and messages name a key. */
export function describePublicKeyType(type: PublicKeyType): string {
  return type.kind === 'rsa' ? `RSA ${type.bits}` : `EC ${type.curve}`;
}

/**
 * The type of an acceptable public key, or the first reason it is not
 * acceptable (BR §6.1.5 sizes and curves, §6.1.6 exponent, §7.1.3.1 encoding).
 * @throws PkiError with the problem's code.
 */
export function checkPublicKey(spki: Uint8Array): PublicKeyType {
  const result = inspectPublicKey(spki);
  if ('code' in result) throw new PkiError(result.code, result.message);
  return result;
}

/**
 * Like checkPublicKey, but returns the problem instead of throwing (the lints collect them).
 * The answer depends on the bytes alone, so it comes from the recently read keys when
 * the same key was read moments ago (recent-results.ts).
 */
export function inspectPublicKey(spki: Uint8Array): PublicKeyType | PublicKeyProblem {
  return readPublicKey(spki).inspection;
}

/**
 * The node:crypto key of a SubjectPublicKeyInfo, or undefined when OpenSSL
 * cannot read it (malformed, or a point not on its curve). Shared with
 * inspectPublicKey, so a key is read once however many checks use it.
 */
export function publicKeyObject(spki: Uint8Array): KeyObject | undefined {
  return readPublicKey(spki).key;
}

function readPublicKey(spki: Uint8Array): PublicKeyReading {
  return recentPublicKeys.get(spki, inspect);
}

function inspect(spki: Uint8Array): PublicKeyReading {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return Object.freeze({ inspection: Object.freeze({ code: 'PKI_PUBLIC_KEY_INVALID', message: 'The public key cannot be read (malformed, or a point not on its curve).' } as const) });
  }
  return Object.freeze({ key, inspection: Object.freeze(inspectKeyObject(spki, key)) });
}

function inspectKeyObject(spki: Uint8Array, key: KeyObject): PublicKeyType | PublicKeyProblem {
  const details = key.asymmetricKeyDetails ?? {};
  let type: PublicKeyType;
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    if (bits < 2048) return { code: 'PKI_RSA_KEY_TOO_SMALL', message: `The key is RSA ${bits}; at least RSA 2048 is required (BR §6.1.5).` };
    if (bits % 8 !== 0) return { code: 'PKI_RSA_MODULUS_NOT_MULTIPLE_OF_8', message: `The RSA modulus is ${bits} bits; its size must be divisible by 8 (BR §6.1.5).` };
    const exponent = details.publicExponent ?? 0n;
    if (exponent < 3n || exponent % 2n === 0n) {
      return { code: 'PKI_RSA_EXPONENT_INVALID', message: `The RSA public exponent ${exponent} is not odd and at least 3 (BR §6.1.6).` };
    }
    type = { kind: 'rsa', bits };
  } else if (key.asymmetricKeyType === 'ec') {
    const name = details.namedCurve;
    const curve = name === undefined ? undefined : ALLOWED_CURVES[name];
    if (!curve) {
      const shown = name === undefined ? 'explicit curve parameters' : (CURVE_NAMES[name] ?? name);
      return { code: 'PKI_EC_CURVE_NOT_ALLOWED', message: `The key is on ${shown}; only P-256, P-384 and P-521 are allowed (BR §6.1.5).` };
    }
    type = { kind: 'ec', curve };
  } else {
    return { code: 'PKI_KEY_TYPE_NOT_ALLOWED', message: `The key type ${key.asymmetricKeyType ?? 'unknown'} is not allowed: use RSA (2048 bits or more) or EC P-256, P-384 or P-521 (BR §6.1.5).` };
  }
  const encodingProblem = checkEncoding(spki, type);
  return encodingProblem ?? type;
}

/** BR §7.1.3.1: the AlgorithmIdentifier bytes are fixed; RFC 5480 §2.2: EC points uncompressed. */
function checkEncoding(spki: Uint8Array, type: PublicKeyType): PublicKeyProblem | undefined {
  const [algorithm, key] = subjectPublicKeyInfoParts(spki) ?? [];
  if (!algorithm || !key) {
    return { code: 'PKI_PUBLIC_KEY_INVALID', message: 'The SubjectPublicKeyInfo is not a single well-formed structure.' };
  }
  if (!isBrPublicKeyAlgorithmIdentifier(algorithm.der)) {
    return { code: 'PKI_PUBLIC_KEY_INVALID', message: `The public key's AlgorithmIdentifier is not encoded as BR §7.1.3.1 requires for ${describePublicKeyType(type)}.` };
  }
  if (type.kind === 'ec' && key.content[1] !== 0x04) {
    return { code: 'PKI_PUBLIC_KEY_INVALID', message: 'The EC public key is not in uncompressed form (RFC 5480 §2.2).' };
  }
  return undefined;
}

/**
 * The AlgorithmIdentifier and the subjectPublicKey BIT STRING of a SubjectPublicKeyInfo
 * in strict DER (RFC 5280 §4.1.2.7), or undefined when the bytes are not one.
 */
export function subjectPublicKeyInfoParts(spki: Uint8Array): [algorithm: DerNode, subjectPublicKey: DerNode] | undefined {
  let node: DerNode;
  try {
    node = readStrictDer(spki, 'public key', 'PKI_PUBLIC_KEY_INVALID');
  } catch {
    return undefined;
  }
  const [algorithm, key, ...rest] = sequenceOf(node) ?? [];
  if (!sequenceOf(algorithm) || !isUniversal(key, UNIVERSAL.bitString) || rest.length > 0) return undefined;
  return [algorithm!, key];
}
