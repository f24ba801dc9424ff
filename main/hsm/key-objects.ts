import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import type { KeyPairInfo, KeyPairType, SecretKeyInfo } from './key-spec.js';
import { curveOfParams, ecSpki, rsaSpki, sha256Hex } from './public-key.js';

/** Reads the public facts of a key pair from its public key object on the token. */
export function keyPairInfoOf(publicKey: graphene.PublicKey, privateKey: graphene.PrivateKey | undefined): KeyPairInfo {
  const attrs = publicKey.getAttribute({ label: null, id: null, keyType: null });
  const label = String(attrs.label);
  const { type, spki } = publicKeyOf(publicKey, label);
  const extractable = privateKey ? Boolean(privateKey.getAttribute({ extractable: null }).extractable) : false;
  return { label, id: (attrs.id as Buffer).toString('hex'), type, spki, spkiSha256: sha256Hex(spki), extractable };
}

/** The type and SPKI of a public key object. */
export function publicKeyOf(publicKey: graphene.PublicKey, label: string): { type: KeyPairType; spki: Uint8Array } {
  const keyType = publicKey.getAttribute({ keyType: null }).keyType as number;
  if (keyType === graphene.KeyType.EC) {
    const a = publicKey.getAttribute({ paramsECDSA: null, pointEC: null });
    const curve = curveOfParams(a.paramsECDSA as Buffer);
    if (!curve) throw new HsmError('KEY_INVALID', `Key "${label}" is on a curve Conclave does not use (only P-256, P-384, P-521).`);
    return { type: { kind: 'ec', curve }, spki: ecSpki(curve, a.pointEC as Buffer) };
  }
  if (keyType === graphene.KeyType.RSA) {
    const a = publicKey.getAttribute({ modulus: null, publicExponent: null });
    const modulus = a.modulus as Buffer;
    const bits = modulusBits(modulus);
    if (bits !== 2048 && bits !== 3072 && bits !== 4096) throw new HsmError('KEY_INVALID', `Key "${label}" is RSA-${bits}, a size Conclave does not use.`);
    return { type: { kind: 'rsa', bits }, spki: rsaSpki(modulus, a.publicExponent as Buffer) };
  }
  throw new HsmError('KEY_INVALID', `Key "${label}" is of a type Conclave does not use (CKK 0x${keyType.toString(16)}).`);
}

/**
 * Reads the public facts of an AES secret key. The KCV comes from CKA_CHECK_VALUE.
 * SoftHSM leaves CKA_VALUE_LEN at 0 on a key made by C_UnwrapKey (its issue
 * #628); the caller that unwrapped it knows the length from the RFC 5649 blob
 * and passes it, otherwise the HSM measures it (aesLength).
 * @throws HsmError KEY_INVALID when it is not AES-256 or its length cannot be learnt.
 */
export function secretKeyInfoOf(key: graphene.SecretKey, knownLength?: number): SecretKeyInfo {
  const a = key.getAttribute({ label: null, id: null, valueLen: null, extractable: null, keyType: null });
  const label = String(a.label);
  if (a.keyType !== graphene.KeyType.AES) throw new HsmError('KEY_INVALID', `Key "${label}" is not an AES-256 key.`);
  const length = aesLength(key, a.valueLen as number, knownLength);
  if (length === undefined) {
    throw new HsmError('KEY_INVALID', `The HSM does not report the length of AES key "${label}" (CKA_VALUE_LEN is 0, as SoftHSM 2.6 leaves it on an unwrapped key) and the key is not extractable, so Conclave cannot confirm it is AES-256. Its key check value is ${keyCheckValue(key, label)}.`);
  }
  if (length !== 32) throw new HsmError('KEY_INVALID', `Key "${label}" is not an AES-256 key.`);
  return { label, id: (a.id as Buffer).toString('hex'), type: { kind: 'aes', bits: 256 }, kcv: keyCheckValue(key, label), extractable: Boolean(a.extractable) };
}

/**
 * What the inventory shows of any AES key: its size and its KCV. A key whose
 * size the HSM neither reports nor can measure (aesLength) is listed with its
 * KCV and its size named as not reported, never guessed. Undefined for a
 * secret key that is not AES.
 */
export function aesKeyFactsOf(key: graphene.SecretKey): { keyType: string; kcv: string | undefined } | undefined {
  const a = key.getAttribute({ label: null, valueLen: null, keyType: null });
  if (a.keyType !== graphene.KeyType.AES) return undefined;
  let kcv: string | undefined;
  try {
    kcv = keyCheckValue(key, String(a.label));
  } catch {
    kcv = undefined;
  }
  const length = aesLength(key, a.valueLen as number, undefined);
  return { keyType: length ? `AES-${length * 8}` : 'AES (size not reported by the HSM)', kcv };
}

/**
 * An AES key's length in bytes: CKA_VALUE_LEN, or what the caller knows, or —
 * when the HSM leaves CKA_VALUE_LEN at 0 (SoftHSM 2.6 on unwrapped keys, #628)
 * and the key is extractable, as every restored backup key is — measured in
 * the HSM: the key is wrapped (RFC 5649, n + 8 bytes for the AES sizes) under
 * a throwaway session key generated there, and both the wrapped bytes and the
 * throwaway key are destroyed at once. Undefined when it cannot be learnt.
 */
function aesLength(key: graphene.SecretKey, reported: number, knownLength: number | undefined): number | undefined {
  if (reported) return reported;
  if (knownLength !== undefined) return knownLength;
  if (!key.getAttribute({ extractable: null }).extractable) return undefined;
  const session = key.session;
  const probe = session.generateKey(graphene.KeyGenMechanism.AES, {
    class: graphene.ObjectClass.SECRET_KEY,
    keyType: graphene.KeyType.AES,
    valueLen: 32,
    token: false,
    sensitive: true,
    extractable: false,
    wrap: true,
    unwrap: false,
    encrypt: false,
    decrypt: false,
  });
  try {
    const wrapped = session.wrapKey('AES_KEY_WRAP_PAD', probe, key);
    const length = wrapped.length - 8;
    wrapped.fill(0);
    return length;
  } catch {
    return undefined;
  } finally {
    session.destroy(probe);
  }
}

/**
 * The banking key check value: AES-ECB of a zero block, first 3 bytes, hex.
 * PKCS#11 v3.0 §4.10 defines CKA_CHECK_VALUE as exactly this for AES, and
 * SoftHSM 2.6 computes it for generated and created keys, but not for keys
 * made by C_UnwrapKey; for those the HSM encrypts the zero block itself
 * (the key never leaves it), which needs CKA_ENCRYPT.
 * @throws HsmError when the HSM can do neither.
 */
export function keyCheckValue(key: graphene.SecretKey, label: string): string {
  let value: Buffer | undefined;
  try {
    value = key.getAttribute({ checkValue: null }).checkValue as Buffer | undefined;
  } catch {
    value = undefined;
  }
  if (value && value.length >= 3) return value.subarray(0, 3).toString('hex');
  if (key.getAttribute({ encrypt: null }).encrypt) {
    const block = key.session.createCipher('AES_ECB', key).once(Buffer.alloc(16), Buffer.alloc(16));
    return block.subarray(0, 3).toString('hex');
  }
  throw new HsmError('MECHANISM_UNSUPPORTED', `The HSM reports no key check value (CKA_CHECK_VALUE) for "${label}" and the key cannot encrypt, so Conclave cannot prove it.`);
}

function modulusBits(modulus: Buffer): number {
  let i = 0;
  while (i < modulus.length && modulus[i] === 0) i++;
  if (i === modulus.length) return 0;
  return (modulus.length - i) * 8 - Math.clz32(modulus[i]!) + 24;
}
