import { createHash, createPublicKey } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { EcCurve, KeyPairType } from './key-spec.js';
import { HsmError } from './hsm-error.js';

/** DER of the curve OIDs, as CKA_EC_PARAMS holds them (namedCurve, RFC 5480 §2.1.1.1). */
export const EC_PARAMS: Record<EcCurve, Buffer> = {
  'P-256': Buffer.from('06082a8648ce3d030107', 'hex'),
  'P-384': Buffer.from('06052b81040022', 'hex'),
  'P-521': Buffer.from('06052b81040023', 'hex'),
};

const COORDINATE_BYTES: Record<EcCurve, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** The curve named by CKA_EC_PARAMS, or undefined for any other curve. */
export function curveOfParams(params: Buffer): EcCurve | undefined {
  return (Object.keys(EC_PARAMS) as EcCurve[]).find((c) => EC_PARAMS[c].equals(params));
}

/**
 * SubjectPublicKeyInfo DER of an EC public key from CKA_EC_POINT. PKCS#11 v2.40
 * says the point is DER-encoded in an OCTET STRING; some modules give it raw,
 * so both are accepted.
 */
export function ecSpki(curve: EcCurve, ecPoint: Buffer): Uint8Array {
  const size = COORDINATE_BYTES[curve];
  let point = ecPoint;
  if (point.length !== 1 + 2 * size) {
    const parsed = asn1js.fromBER(new Uint8Array(ecPoint));
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.OctetString)) {
      throw new HsmError('KEY_INVALID', `The HSM returned an EC point that is neither raw nor a DER OCTET STRING (${curve}).`);
    }
    point = Buffer.from(parsed.result.valueBlock.valueHexView);
  }
  if (point.length !== 1 + 2 * size || point[0] !== 0x04) {
    throw new HsmError('KEY_INVALID', `The HSM returned an EC point of unexpected form for ${curve}.`);
  }
  const x = point.subarray(1, 1 + size).toString('base64url');
  const y = point.subarray(1 + size).toString('base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: curve, x, y }, format: 'jwk' });
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

/** SubjectPublicKeyInfo DER of an RSA public key from CKA_MODULUS and CKA_PUBLIC_EXPONENT. */
export function rsaSpki(modulus: Buffer, publicExponent: Buffer): Uint8Array {
  const key = createPublicKey({
    key: { kty: 'RSA', n: stripLeadingZeros(modulus).toString('base64url'), e: stripLeadingZeros(publicExponent).toString('base64url') },
    format: 'jwk',
  });
  return new Uint8Array(key.export({ type: 'spki', format: 'der' }));
}

/** The key type of an SPKI (used when a backup or certificate names a public key). */
export function keyTypeOfSpki(spki: Uint8Array): KeyPairType {
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    const curve = ({ prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' } as Record<string, EcCurve>)[details.namedCurve ?? ''];
    if (!curve) throw new HsmError('KEY_INVALID', `EC curve ${details.namedCurve} is not one Conclave uses (P-256, P-384, P-521).`);
    return { kind: 'ec', curve };
  }
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength;
    if (bits !== 2048 && bits !== 3072 && bits !== 4096) throw new HsmError('KEY_INVALID', `RSA-${bits} is not a size Conclave uses.`);
    return { kind: 'rsa', bits };
  }
  throw new HsmError('KEY_INVALID', `Key type ${key.asymmetricKeyType} is not one Conclave uses.`);
}

/**
 * The key identifier of a public key: RFC 7093 §2 method 1, the leftmost 160
 * bits of the SHA-256 of the subjectPublicKey BIT STRING's value. It is the
 * CKA_ID of the key pair and the certificate's subjectKeyIdentifier, so the
 * token object, the certificate and the backup all name the key the same way.
 */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(spki);
  const seq = parsed.result as asn1js.Sequence;
  const bitString = seq.valueBlock?.value?.[1];
  if (parsed.offset === -1 || !(bitString instanceof asn1js.BitString)) {
    throw new HsmError('KEY_INVALID', 'Not a SubjectPublicKeyInfo: cannot compute its key identifier.');
  }
  const subjectPublicKey = bitString.valueBlock.valueHexView;
  return new Uint8Array(createHash('sha256').update(subjectPublicKey).digest().subarray(0, 20));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function stripLeadingZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}
