import * as graphene from 'graphene-pk11';
import type { KeyPairType, KeySpec, SecretKeyType } from './key-spec.js';
import { EC_PARAMS } from './public-key.js';

/**
 * PKCS#11 templates for the keys a ceremony makes. Every key is a token object,
 * private (needs login), and its secret part is sensitive: the value can never
 * be read out. Only keys the script backs up or exports are extractable, and
 * then only under wrapping (sensitive keys never leave in the clear).
 * SoftHSM defaults SENSITIVE to false and EXTRACTABLE to false (STACK-NOTES.md),
 * so both are always set explicitly.
 */
export function keyPairTemplates(spec: KeySpec<KeyPairType>, id: Buffer): { publicKey: graphene.ITemplate; privateKey: graphene.ITemplate } {
  const common = { token: true, label: spec.label, id };
  const publicKey: graphene.ITemplate = { ...common, class: graphene.ObjectClass.PUBLIC_KEY, private: false, verify: true, encrypt: false, wrap: false, modifiable: true };
  const privateKey: graphene.ITemplate = {
    ...common,
    class: graphene.ObjectClass.PRIVATE_KEY,
    private: true,
    sensitive: true,
    extractable: spec.extractable,
    sign: true,
    decrypt: false,
    unwrap: false,
    derive: false,
    modifiable: true,
  };
  if (spec.type.kind === 'ec') {
    publicKey.keyType = privateKey.keyType = graphene.KeyType.EC;
    publicKey.paramsEC = EC_PARAMS[spec.type.curve];
  } else {
    publicKey.keyType = privateKey.keyType = graphene.KeyType.RSA;
    publicKey.modulusBits = spec.type.bits;
    publicKey.publicExponent = Buffer.from([0x01, 0x00, 0x01]);
  }
  return { publicKey, privateKey };
}

/** The mechanism that generates a key pair of this type. */
export function keyPairMechanism(type: KeyPairType): graphene.KeyGenMechanism {
  return type.kind === 'ec' ? graphene.KeyGenMechanism.EC : graphene.KeyGenMechanism.RSA;
}

/**
 * An AES secret key (a master key): usable for encryption and wrapping inside
 * the HSM, never readable. Extractable only when it is backed up or exported.
 */
export function secretKeyTemplate(spec: KeySpec<SecretKeyType>, id: Buffer): graphene.ITemplate {
  return {
    class: graphene.ObjectClass.SECRET_KEY,
    keyType: graphene.KeyType.AES,
    valueLen: spec.type.bits / 8,
    token: true,
    private: true,
    label: spec.label,
    id,
    sensitive: true,
    extractable: spec.extractable,
    encrypt: true,
    decrypt: true,
    wrap: true,
    unwrap: true,
    sign: false,
    verify: false,
    derive: false,
    modifiable: false,
  };
}

/**
 * A key-encryption key imported for a backup or a recovery: a session object
 * (gone when the session closes), wrap and unwrap only, never extractable.
 */
export function sessionKekTemplate(label: string, value: Buffer): graphene.ITemplate {
  return {
    class: graphene.ObjectClass.SECRET_KEY,
    keyType: graphene.KeyType.AES,
    token: false,
    private: true,
    label,
    value,
    sensitive: true,
    extractable: false,
    encrypt: false,
    decrypt: false,
    wrap: true,
    unwrap: true,
    sign: false,
    verify: false,
    derive: false,
  };
}
