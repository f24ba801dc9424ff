import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import type { HsmSession, SessionKey } from '../../../main/hsm/hsm-session.js';
import type { InventoryEntry } from '../../../main/hsm/inventory.js';
import type { KeyPairInfo, SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import type { UnwrapTarget } from '../../../main/hsm/unwrap-template.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { ecdsaRawToDer, opensslVerifies } from './openssl-judge.js';
import { TokenReader } from './token-reader.js';

// A backup leaves one token wrapped under a KEK and comes back into another:
// the restored keys must be the same keys (same SPKI, same KCV) with the same
// names, and the restored private keys must sign for the original public keys.

let store: TestTokenStore;
let hsm: Hsm;
let origin: HsmSession;
let restore: HsmSession;
let originKek: SessionKey;
let restoreKek: SessionKey;
const originals: { root?: KeyPairInfo; issuing?: KeyPairInfo; master?: SecretKeyInfo } = {};
const wrapped: { root?: Uint8Array; issuing?: Uint8Array; master?: Uint8Array } = {};
const restored: { root?: KeyPairInfo; issuing?: KeyPairInfo; master?: SecretKeyInfo } = {};

const targetOf = (info: KeyPairInfo): Extract<UnwrapTarget, { class: 'private' }> => ({ class: 'private', label: info.label, id: info.id, type: info.type, extractable: info.extractable, spki: info.spki });
const secretTargetOf = (info: SecretKeyInfo): UnwrapTarget => ({ class: 'secret', label: info.label, id: info.id, type: info.type, extractable: info.extractable });
const flipped = (bytes: Uint8Array, at: number): Uint8Array => {
  const copy = new Uint8Array(bytes);
  copy[at]! ^= 0x01;
  return copy;
};
const pinOf = (label: string): Uint8Array => new TextEncoder().encode(store.tokens.find((t) => t.label === label)!.pin);

async function failure(promise: Promise<unknown>): Promise<HsmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HsmError);
  return error as HsmError;
}

beforeAll(async () => {
  store = createTokenStore(['origin', 'restore']);
  hsm = await Hsm.open();
  origin = await hsm.openSession({ label: 'origin' });
  restore = await hsm.openSession({ label: 'restore' });
  await origin.login(pinOf('origin'));
  await restore.login(pinOf('restore'));

  originals.root = await origin.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-384' }, extractable: true });
  originals.issuing = await origin.generateKeyPair({ label: 'issuing', type: { kind: 'rsa', bits: 3072 }, extractable: true });
  originals.master = await origin.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: true });
  await origin.generateKeyPair({ label: 'kept', type: { kind: 'ec', curve: 'P-256' }, extractable: false });

  const kek = await origin.random(32);
  originKek = await origin.importAesKey(kek, { label: 'backup-kek' });
  restoreKek = await restore.importAesKey(kek, { label: 'backup-kek' });
  kek.fill(0);

  wrapped.root = await origin.wrapKey(originKek, { label: 'root', class: 'private' });
  wrapped.issuing = await origin.wrapKey(originKek, { label: 'issuing', class: 'private' });
  wrapped.master = await origin.wrapKey(originKek, { label: 'master', class: 'secret' });

  restored.root = (await restore.unwrapKey(restoreKek, wrapped.root, targetOf(originals.root))) as KeyPairInfo;
  restored.issuing = (await restore.unwrapKey(restoreKek, wrapped.issuing, targetOf(originals.issuing))) as KeyPairInfo;
  restored.master = (await restore.unwrapKey(restoreKek, wrapped.master, secretTargetOf(originals.master))) as SecretKeyInfo;
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe('the KEK', () => {
  it('imported on both tokens from the same bytes has the same KCV', () => {
    expect(restoreKek.kcv).toBe(originKek.kcv);
    expect(originKek.kcv).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('wrapping', () => {
  it('gives RFC 5649 output: an AES-256 key wraps to 40 bytes, private keys to a multiple of 8', () => {
    expect(wrapped.master).toHaveLength(40);
    expect(wrapped.root!.length % 8).toBe(0);
    expect(wrapped.issuing!.length % 8).toBe(0);
    expect(wrapped.issuing!.length).toBeGreaterThan(wrapped.root!.length);
  });

  it('a key that is not extractable → KEY_UNEXTRACTABLE naming it', async () => {
    const error = await failure(origin.wrapKey(originKek, { label: 'kept', class: 'private' }));
    expect(error.code).toBe('KEY_UNEXTRACTABLE');
    expect(error.message).toContain('"kept"');
  });

  it('a key that does not exist → KEY_NOT_FOUND', async () => {
    const error = await failure(origin.wrapKey(originKek, { label: 'no-such-key', class: 'secret' }));
    expect(error.code).toBe('KEY_NOT_FOUND');
  });
});

describe.each([
  ['root', 'EC P-384'],
  ['issuing', 'RSA 3072'],
] as const)('the %s private key (%s) restored into the second token', (name, _type) => {
  it('keeps its label, CKA_ID, SPKI and extractability', () => {
    const before = originals[name]!;
    const after = restored[name]!;
    expect(after.label).toBe(before.label);
    expect(after.id).toBe(before.id);
    expect(Buffer.from(after.spki).equals(Buffer.from(before.spki))).toBe(true);
    expect(after.spkiSha256).toBe(before.spkiSha256);
    expect(after.type).toEqual(before.type);
    expect(after.extractable).toBe(true);
  });

  it('signs, and openssl verifies the signature under the original SPKI', async () => {
    const signer = await restore.signer(name);
    const message = new TextEncoder().encode(`proof of ${name} after recovery`);
    if (name === 'root') {
      const raw = await signer.sign('ecdsa-sha384', message);
      expect(opensslVerifies(originals.root!.spki, 'sha384', message, ecdsaRawToDer(raw)).ok).toBe(true);
    } else {
      const signature = await signer.sign('rsa-pss-sha256', message);
      expect(opensslVerifies(originals.issuing!.spki, 'sha256', message, signature, { pss: true }).ok).toBe(true);
    }
  });

  it('is found again by label on the second token, whole (public and private halves)', async () => {
    const found = await restore.findKeyPair(name);
    expect(found?.id).toBe(originals[name]!.id);
    expect(found?.spkiSha256).toBe(originals[name]!.spkiSha256);
  });
});

describe('the AES-256 master key restored into the second token', () => {
  it('keeps its label, CKA_ID and KCV', () => {
    expect(restored.master!.label).toBe('master');
    expect(restored.master!.id).toBe(originals.master!.id);
    expect(restored.master!.kcv).toBe(originals.master!.kcv);
    expect(restored.master!.type).toEqual({ kind: 'aes', bits: 256 });
  });

  // SoftHSM 2.6 leaves CKA_VALUE_LEN at 0 on an unwrapped key (its issue #628):
  // the layer measures an extractable key's size in the HSM instead.
  it('is found again by label, with its KCV', async () => {
    const found = await restore.findSecretKey('master');
    expect(found).toEqual({ label: 'master', id: originals.master!.id, type: { kind: 'aes', bits: 256 }, kcv: originals.master!.kcv, extractable: true });
  });

  it('is listed in the inventory as AES-256 with its KCV, sensitive, as on the first token', async () => {
    const entry = (await restore.inventory()).find((e) => e.label === 'master' && e.class === 'secret-key');
    const first = (await origin.inventory()).find((e) => e.label === 'master' && e.class === 'secret-key');
    expect(entry).toMatchObject({ keyType: 'AES-256', kcv: originals.master!.kcv, id: originals.master!.id, sensitive: true, extractable: true });
    expect({ ...entry, uri: undefined }).toEqual({ ...first, uri: undefined });
  });

  it('looking it up leaves nothing behind on the token (the size probe is destroyed)', async () => {
    const before = await restore.inventory();
    await restore.findSecretKey('master');
    expect(await restore.inventory()).toEqual(before);
  });
});

describe('an AES key restored as not extractable, on SoftHSM 2.6 which hides its size', () => {
  beforeAll(async () => {
    await restore.unwrapKey(restoreKek, wrapped.master!, { ...secretTargetOf(originals.master!), label: 'master-kept', extractable: false });
  });

  it('is listed with its KCV, its size named as not reported rather than guessed', async () => {
    const entry = (await restore.inventory()).find((e) => e.label === 'master-kept');
    expect(entry).toMatchObject({ keyType: 'AES (size not reported by the HSM)', kcv: originals.master!.kcv, extractable: false });
  });

  it('looked up by label → KEY_INVALID that says why and gives its KCV', async () => {
    const error = await failure(restore.findSecretKey('master-kept'));
    expect(error.code).toBe('KEY_INVALID');
    expect(error.message).toContain('CKA_VALUE_LEN');
    expect(error.message).toContain(originals.master!.kcv);
  });
});

describe('unwrapping what is not a good backup creates nothing', () => {
  let before: InventoryEntry[];
  beforeAll(async () => {
    before = await restore.inventory();
  });

  it.each([
    ['an altered byte in the wrapped AES key', 'master', 5],
    ['an altered byte in the wrapped EC private key', 'root', 17],
    ['an altered last byte of the wrapped RSA private key', 'issuing', -1],
  ] as const)('%s → WRAPPED_KEY_INVALID', async (_, name, at) => {
    const bytes = wrapped[name]!;
    const altered = flipped(bytes, at < 0 ? bytes.length + at : at);
    const target = name === 'master' ? { ...secretTargetOf(originals.master!), label: 'master-altered' } : { ...targetOf(originals[name]!), label: `${name}-altered` };
    const error = await failure(restore.unwrapKey(restoreKek, altered, target));
    expect(error.code).toBe('WRAPPED_KEY_INVALID');
    expect(error.message).toContain(`${name}-altered`);
    expect(await restore.inventory()).toEqual(before);
  });

  it('a private key restored against another key\'s recorded SPKI (entries mixed up) → WRAPPED_KEY_INVALID, nothing kept', async () => {
    const stranger = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'der' }));
    const error = await failure(restore.unwrapKey(restoreKek, wrapped.root!, { ...targetOf(originals.root!), label: 'root-mixed', spki: stranger }));
    expect(error.code).toBe('WRAPPED_KEY_INVALID');
    expect(error.message).toContain('not the private half of the public key recorded');
    expect(await restore.inventory()).toEqual(before);
  });

  it('a private key recorded with another type (EC bytes, RSA entry) → WRAPPED_KEY_INVALID naming the recorded type, not a device error', async () => {
    const error = await failure(restore.unwrapKey(restoreKek, wrapped.root!, { ...targetOf(originals.issuing!), label: 'root-as-rsa' }));
    expect(error.code).toBe('WRAPPED_KEY_INVALID');
    expect(error.message).toContain('RSA 3072');
    expect(await restore.inventory()).toEqual(before);
  });

  it('a wrapped AES key cut short → WRAPPED_KEY_INVALID', async () => {
    const error = await failure(restore.unwrapKey(restoreKek, wrapped.master!.subarray(0, 32), { ...secretTargetOf(originals.master!), label: 'master-short' }));
    expect(error.code).toBe('WRAPPED_KEY_INVALID');
    expect(await restore.inventory()).toEqual(before);
  });

  it('a backup wrapped under another KEK → WRAPPED_KEY_INVALID', async () => {
    const otherKek = await restore.importAesKey(new Uint8Array(32).fill(7), { label: 'other-kek' });
    try {
      const error = await failure(restore.unwrapKey(otherKek, wrapped.master!, { ...secretTargetOf(originals.master!), label: 'master-other-kek' }));
      expect(error.code).toBe('WRAPPED_KEY_INVALID');
    } finally {
      await restore.destroySessionKey(otherKek);
    }
    expect(await restore.inventory()).toEqual(before);
  });

  it('a label already on the token → LABEL_IN_USE', async () => {
    const error = await failure(restore.unwrapKey(restoreKek, wrapped.master!, secretTargetOf(originals.master!)));
    expect(error.code).toBe('LABEL_IN_USE');
    expect(await restore.inventory()).toEqual(before);
  });
});

describe('destroying', () => {
  it('a restored key pair removes both halves; a second destroy → KEY_NOT_FOUND', async () => {
    await restore.destroyKey({ label: 'issuing', class: 'private' });
    expect(await restore.findKeyPair('issuing')).toBeUndefined();
    expect((await restore.inventory()).filter((e) => e.label === 'issuing')).toEqual([]);
    const error = await failure(restore.destroyKey({ label: 'issuing', class: 'private' }));
    expect(error.code).toBe('KEY_NOT_FOUND');
  });

  it('the session KEK, once destroyed, is gone from the token', async () => {
    const kek = await origin.importAesKey(new Uint8Array(32).fill(9), { label: 'short-lived-kek' });
    expect((await origin.inventory()).map((e) => e.label)).toContain('short-lived-kek');
    await origin.destroySessionKey(kek);
    expect((await origin.inventory()).map((e) => e.label)).not.toContain('short-lived-kek');
  });
});

describe('the restored objects, read with graphene directly', () => {
  const PRIVATE_FLAGS = { token: null, private: null, sensitive: null, extractable: null, modifiable: null, sign: null, decrypt: null, unwrap: null, derive: null, label: null, id: null };
  const SECRET_FLAGS = { token: null, private: null, sensitive: null, extractable: null, modifiable: null, encrypt: null, decrypt: null, wrap: null, unwrap: null, sign: null, verify: null, derive: null, label: null, id: null };
  const read = (tokenLabel: string): Record<string, unknown> => {
    const reader = TokenReader.open(tokenLabel, store.tokens.find((t) => t.label === tokenLabel)!.pin);
    try {
      return {
        root: reader.attributes('private', 'root', { ...PRIVATE_FLAGS }),
        master: reader.attributes('secret', 'master', { ...SECRET_FLAGS }),
        rootPublic: reader.attributes('public', 'root', { token: null, private: null, verify: null, label: null, id: null }),
      };
    } finally {
      reader.close();
    }
  };
  let original: Record<string, unknown>;
  let restoredAttributes: Record<string, unknown>;
  beforeAll(async () => {
    await hsm.close();
    original = read('origin');
    restoredAttributes = read('restore');
  });

  it('a restored private key has the attributes the original had', () => {
    expect(restoredAttributes.root).toEqual(original.root);
  });

  it('a restored secret key has the attributes the original had, immutable included', () => {
    expect(restoredAttributes.master).toEqual(original.master);
    expect(restoredAttributes.master).toMatchObject({ modifiable: false, sensitive: true });
  });

  it('the rebuilt public key has the label, CKA_ID and flags of the original', () => {
    expect(restoredAttributes.rootPublic).toEqual(original.rootPublic);
  });
});

