import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import type { HsmSession } from './hsm-session.js';
import type { TransportKeyObject } from './transport-public-key.js';

/** The hash of RSAES-OAEP (RFC 8017 §7.1); MGF1 always uses the same hash. */
export type OaepHash = 'sha-1' | 'sha-256';

/** The two parts of an RSA-AES wrap, in the order every provider concatenates them. */
export interface RsaAesWrapped {
  /** The ephemeral AES-256 key under RSA-OAEP: as long as the transport key's modulus. */
  wrappedAesKey: Uint8Array;
  /** The exported key under the ephemeral key, CKM_AES_KEY_WRAP_PAD (RFC 5649): 40 bytes for AES-256. */
  wrappedKey: Uint8Array;
}

const HASH_NAMES: Record<OaepHash, string> = { 'sha-1': 'SHA-1', 'sha-256': 'SHA-256' };

/**
 * CKM_RSA_PKCS_OAEP with CK_RSA_PKCS_OAEP_PARAMS {hashAlg, mgf = MGF1 with the
 * same hash, source = data specified, empty label} (PKCS#11 v2.40 §2.1.8):
 * what `openssl pkeyutl -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:<h>
 * -pkeyopt rsa_mgf1_md:<h>` undoes.
 */
function oaep(hash: OaepHash): graphene.IAlgorithm {
  const params = hash === 'sha-256' ? new graphene.RsaOaepParams(graphene.MechanismEnum.SHA256, graphene.RsaMgf.MGF1_SHA256) : new graphene.RsaOaepParams(graphene.MechanismEnum.SHA1, graphene.RsaMgf.MGF1_SHA1);
  return { name: 'RSA_PKCS_OAEP', params };
}

/**
 * Wraps the secret key labelled `keyLabel` directly under the transport key
 * with RSA-OAEP, in the HSM. SoftHSM's RSA-OAEP wraps only secret keys (STACK-NOTES.md).
 * @throws HsmError KEY_NOT_FOUND, KEY_UNEXTRACTABLE, MECHANISM_UNSUPPORTED (the HSM lacks OAEP with this hash).
 */
export async function wrapWithRsaOaep(session: HsmSession, transport: TransportKeyObject, keyLabel: string, hash: OaepHash): Promise<Uint8Array> {
  const key = await exportableSecretKey(session, keyLabel);
  return oaepWrap(session, transport, key, keyLabel, hash);
}

/**
 * The RSA-AES composite (PKCS#11 v2.40 §2.1.21 CKM_RSA_AES_KEY_WRAP, done in
 * two steps because few HSMs offer the mechanism itself — SoftHSM 2.6 does
 * not): an ephemeral AES-256 key is generated on the token as a session
 * object, wraps the target with CKM_AES_KEY_WRAP_PAD (RFC 5649), is itself
 * wrapped under the transport key with RSA-OAEP, and is destroyed — on every
 * path, before this returns. Its value never exists outside the HSM.
 * @throws HsmError KEY_NOT_FOUND, KEY_UNEXTRACTABLE, MECHANISM_UNSUPPORTED.
 */
export async function wrapWithRsaAes(session: HsmSession, transport: TransportKeyObject, keyLabel: string, hash: OaepHash): Promise<RsaAesWrapped> {
  const key = await exportableSecretKey(session, keyLabel);
  const ephemeral = await generateEphemeralKey(session);
  try {
    const context = { action: `wrapping ${keyLabel} under the ephemeral AES key`, mechanism: 'CKM_AES_KEY_WRAP_PAD', keyLabel };
    const wrappedKey = await session.onSessionAsync<Buffer>(context, (s, done) => s.wrapKey('AES_KEY_WRAP_PAD', ephemeral, key, done));
    const wrappedAesKey = await oaepWrap(session, transport, ephemeral, 'the ephemeral AES key', hash);
    return { wrappedAesKey, wrappedKey: new Uint8Array(wrappedKey) };
  } finally {
    await session.onSession({ action: 'destroying the ephemeral AES key' }, (s) => s.destroy(ephemeral));
  }
}

/**
 * Asks the HSM for RSA-OAEP with `hash` under the transport key by wrapping a
 * throwaway session key, so a ceremony learns the HSM cannot do it before
 * anyone types a confirmation word, not after.
 * @throws HsmError MECHANISM_UNSUPPORTED.
 */
export async function checkRsaOaep(session: HsmSession, transport: TransportKeyObject, hash: OaepHash): Promise<void> {
  const probe = await generateEphemeralKey(session);
  try {
    const wrapped = await oaepWrap(session, transport, probe, 'a throwaway test key', hash);
    wrapped.fill(0);
  } finally {
    await session.onSession({ action: 'destroying the throwaway test key' }, (s) => s.destroy(probe));
  }
}

async function oaepWrap(session: HsmSession, transport: TransportKeyObject, key: graphene.Key, what: string, hash: OaepHash): Promise<Uint8Array> {
  const mechanism = `CKM_RSA_PKCS_OAEP (${HASH_NAMES[hash]}, MGF1-${HASH_NAMES[hash]})`;
  const context = { action: `wrapping ${what} under the transport key`, mechanism, keyLabel: what };
  try {
    return new Uint8Array(await session.onSessionAsync<Buffer>(context, (s, done) => s.wrapKey(oaep(hash), transport.object, key, done)));
  } catch (error) {
    // SoftHSM 2.6 answers any hash but SHA-1 with CKR_ARGUMENTS_BAD ("hashAlg
    // must be CKM_SHA_1"); other modules say CKR_MECHANISM_PARAM_INVALID.
    if (error instanceof HsmError && (error.ckr === 'CKR_ARGUMENTS_BAD' || error.ckr === 'CKR_MECHANISM_PARAM_INVALID' || error.ckr === 'CKR_MECHANISM_INVALID')) {
      throw new HsmError('MECHANISM_UNSUPPORTED', `This HSM refuses RSA-OAEP with ${HASH_NAMES[hash]} and MGF1-${HASH_NAMES[hash]} (${error.ckr}); SoftHSM 2.6, for one, does RSA-OAEP with SHA-1 only. Nothing was wrapped. Use an HSM that offers it, or a destination algorithm this HSM can do.`, error.ckr);
    }
    throw error;
  }
}

/** The target: a secret key by label, refused with a clear error when it is not extractable. */
async function exportableSecretKey(session: HsmSession, label: string): Promise<graphene.SecretKey> {
  return session.onSession({ action: `finding key ${label}`, keyLabel: label }, (s) => {
    const found = s.find({ class: graphene.ObjectClass.SECRET_KEY, label });
    if (found.length === 0) throw new HsmError('KEY_NOT_FOUND', `No secret key labelled "${label}" on token "${session.token.label}". Run \`conclave hsm keys --token "${session.token.label}"\` to see what is there.`);
    const key = found.items(0).toType<graphene.SecretKey>();
    if (!key.getAttribute({ extractable: null }).extractable) {
      throw new HsmError('KEY_UNEXTRACTABLE', `Key "${label}" was not made extractable when it was generated, so the HSM will not wrap it for anyone: it cannot be exported. A key is made exportable only by the script that generates it (exportable: true); this one never can be.`);
    }
    return key;
  });
}

/**
 * The ephemeral AES-256 key: a session object (token: false), sensitive, able
 * only to wrap, and extractable so that RSA-OAEP can wrap it in turn.
 */
async function generateEphemeralKey(session: HsmSession): Promise<graphene.SecretKey> {
  const template: graphene.ITemplate = {
    class: graphene.ObjectClass.SECRET_KEY,
    keyType: graphene.KeyType.AES,
    valueLen: 32,
    token: false,
    private: true,
    label: 'conclave-ephemeral-export-key',
    sensitive: true,
    extractable: true,
    wrap: true,
    unwrap: false,
    encrypt: false,
    decrypt: false,
    sign: false,
    verify: false,
    derive: false,
  };
  const context = { action: 'generating the ephemeral AES key', mechanism: 'CKM_AES_KEY_GEN' };
  return session.onSessionAsync<graphene.SecretKey>(context, (s, done) => s.generateKey(graphene.KeyGenMechanism.AES, template, done));
}
