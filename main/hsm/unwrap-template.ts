import { createPublicKey } from 'node:crypto';
import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import type { KeyPairType } from './key-spec.js';
import { EC_PARAMS } from './public-key.js';

/** What a wrapped key becomes on the target token: its recorded identity and attributes. */
export type UnwrapTarget =
  | { class: 'private'; label: string; id: string; type: KeyPairType; extractable: boolean; spki: Uint8Array }
  | { class: 'secret'; label: string; id: string; type: { kind: 'aes'; bits: 256 }; extractable: boolean };

/**
 * Templates for a restored key: the same label, CKA_ID, type and flags it had
 * when it was backed up (token object, private, sensitive), and for a private
 * key, its public half rebuilt from the recorded SPKI.
 */
export function unwrapTemplate(target: UnwrapTarget): { unwrap: graphene.ITemplate; publicKey: graphene.ITemplate | undefined } {
  const id = Buffer.from(target.id, 'hex');
  const common = { token: true, private: true, label: target.label, id, sensitive: true, extractable: target.extractable };
  if (target.class === 'secret') {
    return {
      unwrap: { ...common, class: graphene.ObjectClass.SECRET_KEY, keyType: graphene.KeyType.AES, encrypt: true, decrypt: true, wrap: true, unwrap: true, sign: false, verify: false, derive: false, modifiable: false },
      publicKey: undefined,
    };
  }
  const keyType = target.type.kind === 'ec' ? graphene.KeyType.EC : graphene.KeyType.RSA;
  const unwrap: graphene.ITemplate = { ...common, class: graphene.ObjectClass.PRIVATE_KEY, keyType, sign: true, decrypt: false, unwrap: false, derive: false };
  return { unwrap, publicKey: { ...publicKeyTemplate(target.type, target.spki), token: true, private: false, label: target.label, id, verify: true, encrypt: false, wrap: false } };
}

function publicKeyTemplate(type: KeyPairType, spki: Uint8Array): graphene.ITemplate {
  const jwk = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({ format: 'jwk' });
  if (type.kind === 'ec') {
    if (!jwk.x || !jwk.y) throw new HsmError('KEY_INVALID', 'The recorded SPKI is not an EC public key.');
    const point = Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
    // CKA_EC_POINT is the DER OCTET STRING of the point (PKCS#11 v2.40 §2.3.3).
    const der = Buffer.concat([Buffer.from([0x04]), derLength(point.length), point]);
    return { class: graphene.ObjectClass.PUBLIC_KEY, keyType: graphene.KeyType.EC, paramsEC: EC_PARAMS[type.curve], pointEC: der };
  }
  if (!jwk.n || !jwk.e) throw new HsmError('KEY_INVALID', 'The recorded SPKI is not an RSA public key.');
  return { class: graphene.ObjectClass.PUBLIC_KEY, keyType: graphene.KeyType.RSA, modulus: Buffer.from(jwk.n, 'base64url'), publicExponent: Buffer.from(jwk.e, 'base64url') };
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  return n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
}
