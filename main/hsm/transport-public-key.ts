import { createPublicKey } from 'node:crypto';
import * as graphene from 'graphene-pk11';
import { HsmError } from './hsm-error.js';
import type { HsmSession } from './hsm-session.js';
import { sha256Hex } from './public-key.js';

/** A destination's RSA public key, living on the token only for this session, usable only to wrap. */
export interface TransportKeyObject {
  readonly label: string;
  /** SHA-256 of the SPKI DER, hex: the fingerprint the destination's owner reads out. */
  readonly spkiSha256: string;
  /** RSA modulus length in bits. */
  readonly bits: number;
  /** @internal the token object */
  readonly object: graphene.PublicKey;
}

/**
 * Imports an RSA public key (SPKI, DER) as a session object whose only use is
 * CKA_WRAP: it cannot encrypt data or verify, and it is gone when the session
 * closes (token: false), so nothing of the destination stays on the HSM.
 * The caller has already refused weak and non-RSA keys (main/export/transport-key.ts);
 * this checks again, because a wrap under a weak key is a disclosure.
 * @throws HsmError KEY_INVALID for a key that is not RSA ≥ 2048.
 */
export async function importTransportKey(session: HsmSession, spki: Uint8Array): Promise<TransportKeyObject> {
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new HsmError('KEY_INVALID', `A transport key must be an RSA key of at least 2048 bits; this one is ${key.asymmetricKeyType === 'rsa' ? `RSA-${bits}` : key.asymmetricKeyType}.`);
  }
  const jwk = key.export({ format: 'jwk' });
  const spkiSha256 = sha256Hex(spki);
  const label = `conclave-transport-${spkiSha256.slice(0, 16)}`;
  const template: graphene.ITemplate = {
    class: graphene.ObjectClass.PUBLIC_KEY,
    keyType: graphene.KeyType.RSA,
    token: false,
    private: false,
    label,
    modulus: Buffer.from(jwk.n!, 'base64url'),
    publicExponent: Buffer.from(jwk.e!, 'base64url'),
    wrap: true,
    encrypt: false,
    verify: false,
    verifyRecover: false,
    modifiable: false,
  };
  const object = await session.onSession({ action: 'importing the destination\'s transport key' }, (s) => s.create(template).toType<graphene.PublicKey>());
  return { label, spkiSha256, bits, object };
}

/** Removes the transport key object at once (it would go with the session anyway). */
export async function destroyTransportKey(session: HsmSession, transport: TransportKeyObject): Promise<void> {
  await session.onSession({ action: 'removing the transport key' }, (s) => s.destroy(transport.object));
}
