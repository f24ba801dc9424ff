import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession, SessionKey } from '../../../main/hsm/hsm-session.js';
import type { InventoryEntry } from '../../../main/hsm/inventory.js';
import type { KeyPairInfo, SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import { parsePkcs11Uri } from '../../../main/hsm/pkcs11-uri.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { opensslReadsPublicKey } from './openssl-judge.js';

interface KcvVector {
  key: string;
  kcv: string;
}
const KCV_VECTORS = (JSON.parse(readFileSync(new URL('../../vectors/hsm/kcv.json', import.meta.url), 'utf8')) as { vectors: KcvVector[] }).vectors;
const KEK_VECTOR = KCV_VECTORS[0]!;

let store: TestTokenStore;
let hsm: Hsm;
let session: HsmSession;
let root: KeyPairInfo;
let issuing: KeyPairInfo;
let master: SecretKeyInfo;
let kek: SessionKey;
let entries: InventoryEntry[];

beforeAll(async () => {
  store = createTokenStore(['inventory']);
  hsm = await Hsm.open();
  session = await hsm.openSession({ label: 'inventory' });
  await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
  root = await session.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-521' }, extractable: true });
  issuing = await session.generateKeyPair({ label: 'issuing', type: { kind: 'rsa', bits: 2048 }, extractable: false });
  master = await session.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: false });
  kek = await session.importAesKey(Buffer.from(KEK_VECTOR.key, 'hex'), { label: 'backup-kek' });
  entries = await session.inventory();
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

const entry = (cls: InventoryEntry['class'], label: string): InventoryEntry => {
  const found = entries.filter((e) => e.class === cls && e.label === label);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the inventory', () => {
  it('lists every object the user sees: both halves of each key pair, the secret key, the session KEK', () => {
    expect(entries.map((e) => `${e.class} ${e.label}`).sort()).toEqual(
      ['private-key issuing', 'private-key root', 'public-key issuing', 'public-key root', 'secret-key backup-kek', 'secret-key master'].sort(),
    );
  });

  it('gives a private key its class, type, CKA_ID, flags and the SHA-256 of the SPKI openssl reads', () => {
    const spkiSha256 = createHash('sha256').update(opensslReadsPublicKey(root.spki).der).digest('hex');
    expect(entry('private-key', 'root')).toMatchObject({ keyType: 'EC P-521', id: root.id, sensitive: true, extractable: true, spkiSha256, kcv: undefined });
    expect(entry('private-key', 'issuing')).toMatchObject({ keyType: 'RSA 2048', id: issuing.id, sensitive: true, extractable: false, spkiSha256: issuing.spkiSha256 });
  });

  it('gives a public key its type, CKA_ID and SPKI SHA-256, and no private-key flags', () => {
    expect(entry('public-key', 'root')).toMatchObject({ keyType: 'EC P-521', id: root.id, spkiSha256: root.spkiSha256, sensitive: undefined, extractable: undefined });
  });

  it('gives a secret key its type, CKA_ID, flags and KCV', () => {
    expect(entry('secret-key', 'master')).toMatchObject({ keyType: 'AES-256', id: master.id, sensitive: true, extractable: false, kcv: master.kcv, spkiSha256: undefined });
  });

  it('shows the imported KEK with the known-answer KCV (test/vectors/hsm/kcv.json), never extractable', () => {
    expect(kek.kcv).toBe(KEK_VECTOR.kcv);
    expect(entry('secret-key', 'backup-kek')).toMatchObject({ keyType: 'AES-256', kcv: KEK_VECTOR.kcv, sensitive: true, extractable: false });
  });

  it('names each object with an RFC 7512 URI that parses back to its token, label, CKA_ID and type', () => {
    const token = session.token;
    for (const e of entries) {
      const parts = parsePkcs11Uri(e.uri);
      expect(parts).toMatchObject({ token: token.label, serial: token.serial, manufacturer: token.manufacturer, model: token.model, object: e.label });
      expect(parts.id ?? '').toBe(e.id);
    }
    expect(parsePkcs11Uri(entry('private-key', 'root').uri).type).toBe('private');
    expect(parsePkcs11Uri(entry('secret-key', 'master').uri).type).toBe('secret-key');
  });

  it('carries no secret value: only the listed public facts, and nothing of the KEK bytes', () => {
    const fields = ['class', 'label', 'id', 'keyType', 'sensitive', 'extractable', 'spkiSha256', 'kcv', 'uri'];
    for (const e of entries) expect(Object.keys(e).sort()).toEqual([...fields].sort());
    const json = JSON.stringify(entries).toLowerCase();
    const kekBytes = Buffer.from(KEK_VECTOR.key, 'hex');
    expect(json).not.toContain(KEK_VECTOR.key);
    expect(json).not.toContain(kekBytes.toString('base64').toLowerCase());
    expect(json).not.toContain(kekBytes.subarray(4, 12).toString('hex'));
  });

  it('lists objects in a stable order, by label then class', () => {
    const order = entries.map((e) => `${e.label}/${e.class}`);
    expect(order).toEqual(['backup-kek/secret-key', 'issuing/private-key', 'issuing/public-key', 'master/secret-key', 'root/private-key', 'root/public-key']);
  });
});

describe('known-answer KCVs of imported AES-256 keys (openssl-computed, test/vectors/hsm/kcv.json)', () => {
  it.each(KCV_VECTORS)('key $key → KCV $kcv', async ({ key, kcv }) => {
    const value = Buffer.from(key, 'hex');
    const imported = await session.importAesKey(value, { label: `kcv-${kcv}` });
    try {
      expect(imported.kcv).toBe(kcv);
      expect(value.toString('hex')).toBe(key);
    } finally {
      await session.destroySessionKey(imported);
    }
  });
});
