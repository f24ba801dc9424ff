import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import type { InventoryEntry } from '../../../main/hsm/inventory.js';
import { parseBackup, serializeBackup, type BackupFile } from '../../../main/custody/backup-file.js';
import { combineShares } from '../../../main/custody/kek-split.js';
import { createKeyBackup } from '../../../main/custody/key-backup.js';
import { restoreBackup } from '../../../main/custody/key-restore.js';
import { RecoveryIntake } from '../../../main/custody/recovery-intake.js';
import type { KeyProof } from '../../../main/custody/restored-key-proof.js';
import { sealShare } from '../../../main/custody/sealed-share-file.js';
import { encodeEnvelope, type ShareEnvelope } from '../../../main/custody/share-envelope.js';
import { formatShareWords, shareToWords } from '../../../main/custody/share-words.js';
import { main } from '../../../main/cli/main.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';
import { ecdsaRawToDer, opensslVerifies } from '../hsm/openssl-judge.js';

// The whole custody story on SoftHSM: P-384, RSA-3072 and AES-256 keys made on
// token A are backed up and split 3-of-5; three custodians bring their shares
// back (as words, a QR payload and a sealed file) and the keys are restored
// into token B, where each is proven. Nothing secret may reach a file or a log.

const PIN = 'pin-7Qx9-custody-test';
const PASSPHRASE = 'custodian five passphrase';
let store: TestTokenStore;
let hsm: Hsm;
let tokenA: HsmSession;
let tokenB: HsmSession;
let outDir: string;
let backup: BackupFile;
let shares: ShareEnvelope[];
let secrets: { kek: Buffer; shares: Buffer[]; words: string[] };
let proofs: KeyProof[];
let inventoryA: InventoryEntry[];
let inventoryB: InventoryEntry[];
const logs: string[] = [];

function captureLogs(): () => void {
  const writes = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logs.push(Buffer.from(chunk).toString('utf8'));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    return () => (stream.write = original);
  });
  return () => writes.forEach((restore) => restore());
}

async function shareCheck(text: string): Promise<{ code: number; out: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => out.push(String(c)));
  stdin.end(text);
  const code = await main(['share', 'check'], { stdin, stdout, stderr });
  logs.push(out.join(''));
  return { code, out: out.join('') };
}

const pin = () => new TextEncoder().encode(PIN);

beforeAll(async () => {
  const restoreLogs = captureLogs();
  try {
    store = createTokenStore(['token-a', 'token-b', 'token-c'], PIN);
    outDir = mkdtempSync(join(tmpdir(), 'conclave-custody-out-'));
    hsm = await Hsm.open();
    tokenA = await hsm.openSession({ label: 'token-a' });
    tokenB = await hsm.openSession({ label: 'token-b' });
    await tokenA.login(pin());
    await tokenB.login(pin());
    await tokenA.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-384' }, extractable: true });
    await tokenA.generateKeyPair({ label: 'issuing', type: { kind: 'rsa', bits: 3072 }, extractable: true });
    await tokenA.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: true });

    const made = await createKeyBackup(tokenA, {
      ceremonyId: 'custody-round-trip',
      keys: [
        { label: 'root', class: 'private' },
        { label: 'issuing', class: 'private' },
        { label: 'master', class: 'secret' },
      ],
      threshold: 3,
      shareCount: 5,
    });
    shares = made.shares;
    writeFileSync(join(outDir, 'backup.json'), serializeBackup(made.backup));
    // What the scan below looks for (kept by the test only).
    const kek = Buffer.from(await combineShares(shares.slice(0, 3)));
    secrets = { kek, shares: shares.map((s) => Buffer.from(s.share)), words: shares.map((s) => shareToWords(s).join(' ')) };
    writeFileSync(join(outDir, 'member-5.sealed.json'), await sealShare(shares[4]!, new TextEncoder().encode(PASSPHRASE), { N: 2 ** 12, r: 8, p: 1 }));
    for (const s of shares) await shareCheck(formatShareWords(shareToWords(s)));

    // Recovery: from the files on disk and three custodians, into token B.
    backup = parseBackup(readFileSync(join(outDir, 'backup.json')));
    const intake = new RecoveryIntake({
      setId: backup.kek.shareSetId,
      threshold: backup.kek.threshold,
      shareCount: backup.kek.shareCount,
      kcv: backup.kek.kcv,
      fingerprintLists: [{ source: 'backup.json', fingerprints: backup.kek.shareFingerprints }],
    });
    await intake.offer({ kind: 'words', words: formatShareWords(shareToWords(shares[0]!)) });
    await intake.offer({ kind: 'qr', payload: encodeEnvelope(shares[2]!) });
    await intake.offer({ kind: 'sealed-file', file: readFileSync(join(outDir, 'member-5.sealed.json')), passphrase: new TextEncoder().encode(PASSPHRASE) });
    const rebuilt = await intake.rebuildKek();
    try {
      proofs = await restoreBackup(tokenB, backup, rebuilt.kek);
    } finally {
      rebuilt.kek.fill(0);
      intake.discard();
    }
    inventoryA = await tokenA.inventory();
    inventoryB = await tokenB.inventory();
  } finally {
    restoreLogs();
  }
}, 180_000);

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe('backup on token A', () => {
  it('records every key with its type, CKA_ID, and SPKI or KCV as the token reports them', async () => {
    expect(backup.keys.map((k) => [k.label, k.class, k.type])).toEqual([
      ['root', 'private', { kind: 'ec', curve: 'P-384' }],
      ['issuing', 'private', { kind: 'rsa', bits: 3072 }],
      ['master', 'secret', { kind: 'aes', bits: 256 }],
    ]);
    const root = await tokenA.findKeyPair('root');
    expect(backup.keys[0]).toMatchObject({ id: root!.id, spki: Buffer.from(root!.spki).toString('base64') });
    expect(backup.keys[2]).toMatchObject({ kcv: (await tokenA.findSecretKey('master'))!.kcv });
  });

  it('records the KEK KCV, 3 of 5, the share set and every share fingerprint', () => {
    expect(backup.kek).toMatchObject({ threshold: 3, shareCount: 5, shareSetId: shares[0]!.setId });
    expect(backup.kek.shareFingerprints.map((f) => f.member)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves no KEK object on token A', () => {
    expect(inventoryA.map((e) => e.label).sort()).toEqual(['issuing', 'issuing', 'master', 'root', 'root']);
  });
});

describe('recovery into token B from three shares', () => {
  it('restores every key under its original label and CKA_ID, sensitive and extractable as it was', () => {
    const facts = (entries: InventoryEntry[]) => entries.map((e) => ({ class: e.class, label: e.label, id: e.id, sensitive: e.sensitive, extractable: e.extractable, spkiSha256: e.spkiSha256, kcv: e.kcv }));
    expect(facts(inventoryB)).toEqual(facts(inventoryA));
  });

  it('proves each key: the private keys sign for their recorded SPKI, the AES key has its KCV', () => {
    expect(proofs.map((p) => [p.label, p.class])).toEqual([
      ['root', 'private'],
      ['issuing', 'private'],
      ['master', 'secret'],
    ]);
    expect(proofs[2]!.kcv).toBe(backup.keys[2]!.class === 'secret' ? backup.keys[2]!.kcv : undefined);
  });

  it('gives a restored root key that signs what openssl verifies under the SPKI recorded in backup.json', async () => {
    const message = Buffer.from('signed by the restored root on token B');
    const signature = await (await tokenB.signer('root')).sign('ecdsa-sha384', message);
    const spki = Buffer.from(backup.keys[0]!.class === 'private' ? backup.keys[0]!.spki : '', 'base64');
    expect(opensslVerifies(spki, 'sha384', message, ecdsaRawToDer(signature)).ok).toBe(true);
  });

  it('refuses to restore over keys already on the token, creating nothing', async () => {
    const kek = Buffer.from(secrets.kek);
    await expect(restoreBackup(tokenB, backup, kek)).rejects.toMatchObject({ code: 'backup.label-taken' });
    expect(await tokenB.inventory()).toEqual(inventoryB);
  });
});

describe('a bad backup or KEK at restore', () => {
  let tokenC: HsmSession;
  beforeAll(async () => {
    tokenC = await hsm.openSession({ label: 'token-c' });
    await tokenC.login(pin());
  });

  it('names the key whose wrapped bytes were altered, and leaves the token as it was', async () => {
    const json = JSON.parse(readFileSync(join(outDir, 'backup.json'), 'utf8'));
    const wrapped = Buffer.from(json.keys[1].wrapped, 'base64');
    wrapped[20]! ^= 0x01;
    json.keys[1].wrapped = wrapped.toString('base64');
    const altered = parseBackup(JSON.stringify(json));
    await expect(restoreBackup(tokenC, altered, Buffer.from(secrets.kek))).rejects.toMatchObject({ code: 'backup.tampered', message: expect.stringMatching(/"issuing"/) });
    expect(await tokenC.inventory()).toEqual([]);
  });

  it('refuses a KEK whose KCV is not the recorded one, before touching the token', async () => {
    await expect(restoreBackup(tokenC, backup, new Uint8Array(32).fill(9))).rejects.toMatchObject({ code: 'kek.kcv-mismatch' });
    expect(await tokenC.inventory()).toEqual([]);
  });
});

describe('a backup that cannot be made', () => {
  it('names a key the script backs up that is not on the token, and leaves no KEK behind', async () => {
    const before = await tokenA.inventory();
    await expect(createKeyBackup(tokenA, { ceremonyId: 'x', keys: [{ label: 'root', class: 'private' }, { label: 'absent', class: 'secret' }], threshold: 2, shareCount: 3 })).rejects.toMatchObject({
      code: 'backup.key-missing',
      message: expect.stringMatching(/secret key "absent"/),
    });
    expect(await tokenA.inventory()).toEqual(before);
  });

  it('refuses a threshold above the share count before drawing a KEK', async () => {
    await expect(createKeyBackup(tokenA, { ceremonyId: 'x', keys: [{ label: 'root', class: 'private' }], threshold: 4, shareCount: 3 })).rejects.toMatchObject({ code: 'share.split-params' });
  });

  it('passes on the HSM refusing to wrap a key that is not extractable', async () => {
    await tokenA.generateKeyPair({ label: 'kept-inside', type: { kind: 'ec', curve: 'P-256' }, extractable: false });
    await expect(createKeyBackup(tokenA, { ceremonyId: 'x', keys: [{ label: 'kept-inside', class: 'private' }], threshold: 2, shareCount: 3 })).rejects.toMatchObject({ code: 'KEY_UNEXTRACTABLE' });
    await tokenA.destroyKey({ label: 'kept-inside', class: 'private' });
  });
});

describe('nothing secret on disk or in the logs', () => {
  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }

  const forms = (what: string, b: Buffer) => [
    { what: `${what} (raw)`, bytes: b },
    { what: `${what} (hex)`, bytes: Buffer.from(b.toString('hex')) },
    { what: `${what} (base64)`, bytes: Buffer.from(b.toString('base64')) },
  ];

  /** Every secret of the round trip that could leak, as the forms it could leak in, found in `content`. */
  function leaks(content: Buffer): string[] {
    const bytes = [
      ...forms('KEK', secrets.kek),
      ...secrets.shares.flatMap((s, i) => forms(`share ${i + 1}`, s)),
      { what: 'PIN', bytes: Buffer.from(PIN) },
      { what: 'passphrase', bytes: Buffer.from(PASSPHRASE) },
    ].filter((n) => content.includes(n.bytes));
    // Words, whatever separates them (spaces, card columns, group numbers, JSON quotes): any three in a row.
    const letters = ` ${content.toString('latin1').toLowerCase().replace(/[^a-z]+/g, ' ')} `;
    const words = secrets.words.flatMap((w, i) => {
      const list = w.split(' ');
      return list.slice(0, -2).flatMap((_, j) => (letters.includes(` ${list.slice(j, j + 3).join(' ')} `) ? [`share ${i + 1} words ${j + 1}-${j + 3}`] : []));
    });
    return [...bytes.map((n) => n.what), ...words];
  }

  it('would find a share written as a card, its bytes in hex, or the PIN (the scan itself works)', () => {
    expect(leaks(Buffer.from(formatShareWords(shareToWords(shares[1]!))))).toContain('share 2 words 1-3');
    expect(leaks(Buffer.from(`{"x":"${secrets.shares[3]!.toString('hex')}"}`))).toEqual(['share 4 (hex)']);
    expect(leaks(Buffer.from(`pin=${PIN}`))).toEqual(['PIN']);
  });

  it('finds no KEK, share bytes, share words, PIN or passphrase in any file written (sealed share files aside) or token file', () => {
    const files = [...filesUnder(outDir).filter((f) => !f.endsWith('.sealed.json')), ...filesUnder(store.dir).filter((f) => !f.endsWith('softhsm2.conf'))];
    expect(files.length).toBeGreaterThan(3);
    expect(files.flatMap((file) => leaks(readFileSync(file)).map((what) => `${what} in ${file}`))).toEqual([]);
  });

  it('finds none of them in what the round trip and share check printed', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).toMatch(/The share is valid\.\nShare set {4}[0-9a-f]{16}/);
    expect(leaks(Buffer.from(logs.join('')))).toEqual([]);
  });
});
