import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/main.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { KeyPairInfo, SecretKeyInfo } from '../../../main/hsm/key-spec.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';

// `conclave hsm list` and `conclave hsm keys` as a person runs them, with the
// output streams captured.

let store: TestTokenStore;
let pinFile: string;
let wrongPinFile: string;
let root: KeyPairInfo;
let master: SecretKeyInfo;

async function conclave(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([]) });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

beforeAll(async () => {
  store = createTokenStore(['cli-token', 'cli-other']);
  pinFile = join(store.dir, 'user.pin');
  writeFileSync(pinFile, `${store.tokens[0]!.pin}\n`);
  wrongPinFile = join(store.dir, 'wrong.pin');
  writeFileSync(wrongPinFile, 'not-the-pin-5150\n');
  const hsm = await Hsm.open();
  try {
    const session = await hsm.openSession({ label: 'cli-token' });
    await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
    root = await session.generateKeyPair({ label: 'root-2026', type: { kind: 'ec', curve: 'P-384' }, extractable: true });
    master = await session.generateSecretKey({ label: 'master-2026', type: { kind: 'aes', bits: 256 }, extractable: false });
    await session.close();
  } finally {
    await hsm.close();
  }
});

afterAll(() => store?.cleanup());

describe('conclave hsm list', () => {
  it('shows each token with its serial, and its mechanisms including CKM_ECDSA', async () => {
    const { code, stdout } = await conclave('hsm', 'list');
    expect(code).toBe(0);
    for (const t of store.tokens) {
      expect(stdout).toContain(`"${t.label}"`);
      expect(stdout).toContain(t.serial);
    }
    expect(stdout).toContain('CKM_ECDSA');
    expect(stdout).toContain('CKM_AES_KEY_WRAP_PAD');
    expect(stdout).toContain('SoftHSM');
  });

  it('--json gives the tokens with identity and mechanisms as data', async () => {
    const { code, stdout } = await conclave('hsm', 'list', '--json');
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as { tokens: { label: string; serial: string; uri: string; mechanisms: { name: string; flags: string[] }[] }[] };
    const token = listing.tokens.find((t) => t.label === 'cli-token')!;
    expect(token.serial).toBe(store.tokens[0]!.serial);
    expect(token.uri).toContain(`serial=${store.tokens[0]!.serial}`);
    expect(token.mechanisms.find((m) => m.name === 'CKM_ECDSA')?.flags).toContain('sign');
  });

  it('--module with a wrong path → exit 2 and a message naming the path', async () => {
    const { code, stdout, stderr } = await conclave('hsm', 'list', '--module', '/opt/nowhere/libpkcs11.so');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('/opt/nowhere/libpkcs11.so');
    expect(stderr).toContain('MODULE_NOT_FOUND');
  });

  it('--module with a library that is not PKCS#11 → exit 2, MODULE_INVALID', async () => {
    const { code, stderr } = await conclave('hsm', 'list', '--module', '/etc/passwd');
    expect(code).toBe(2);
    expect(stderr).toContain('MODULE_INVALID');
  });
});

describe('conclave hsm keys', () => {
  it('--token L --pin-source file:P --json lists the generated keys with their public facts', async () => {
    const { code, stdout } = await conclave('hsm', 'keys', '--token', 'cli-token', '--pin-source', `file:${pinFile}`, '--json');
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as { token: { serial: string }; objects: { class: string; label: string; id: string; spkiSha256?: string; kcv?: string }[] };
    expect(listing.token.serial).toBe(store.tokens[0]!.serial);
    expect(listing.objects.map((o) => `${o.class} ${o.label}`).sort()).toEqual(['private-key root-2026', 'public-key root-2026', 'secret-key master-2026']);
    expect(listing.objects.find((o) => o.class === 'private-key')).toMatchObject({ id: root.id, spkiSha256: root.spkiSha256 });
    expect(listing.objects.find((o) => o.class === 'secret-key')).toMatchObject({ id: master.id, kcv: master.kcv });
  });

  it('prints a table with labels, CKA_IDs, fingerprints and URIs', async () => {
    const { code, stdout } = await conclave('hsm', 'keys', '--token', 'cli-token', '--pin-source', `file:${pinFile}`);
    expect(code).toBe(0);
    expect(stdout).toContain('3 objects');
    expect(stdout).toContain(root.id);
    expect(stdout).toContain(`SPKI SHA-256 ${root.spkiSha256}`);
    expect(stdout).toContain(`KCV ${master.kcv}`);
    expect(stdout).toContain('pkcs11:token=cli-token;');
  });

  it('selects the token by serial too', async () => {
    const { code, stdout } = await conclave('hsm', 'keys', '--serial', store.tokens[0]!.serial, '--pin-source', `file:${pinFile}`, '--json');
    expect(code).toBe(0);
    expect(stdout).toContain('root-2026');
  });

  it('a token that is not there → exit 2 with a message naming the tokens present', async () => {
    const { code, stdout, stderr } = await conclave('hsm', 'keys', '--token', 'no-such-token', '--pin-source', `file:${pinFile}`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"no-such-token"');
    expect(stderr).toContain('"cli-token"');
    expect(stderr).toContain('"cli-other"');
    expect(stderr).toContain('TOKEN_NOT_FOUND');
  });

  it('a wrong PIN → a failure that names the token and never prints the PIN', async () => {
    const { code, stdout, stderr } = await conclave('hsm', 'keys', '--token', 'cli-token', '--pin-source', `file:${wrongPinFile}`);
    expect(code).not.toBe(0);
    expect(stderr).toContain('PIN_INCORRECT');
    expect(stderr).toContain('"cli-token"');
    expect(`${stdout}${stderr}`).not.toContain('not-the-pin-5150');
  });

  it('a PIN source that is an unset variable → exit 2, PIN_SOURCE', async () => {
    delete process.env.CONCLAVE_TEST_UNSET_PIN;
    const { code, stderr } = await conclave('hsm', 'keys', '--token', 'cli-token', '--pin-source', 'env:CONCLAVE_TEST_UNSET_PIN');
    expect(code).toBe(2);
    expect(stderr).toContain('CONCLAVE_TEST_UNSET_PIN');
    expect(stderr).toContain('PIN_SOURCE');
  });

  it('no token named → exit 2 with the usage hint', async () => {
    const { code, stderr } = await conclave('hsm', 'keys', '--pin-source', `file:${pinFile}`);
    expect(code).toBe(2);
    expect(stderr).toContain('--token LABEL');
  });

  it('a PIN given as an option instead of a source → exit 2, the option is unknown', async () => {
    const { code, stderr } = await conclave('hsm', 'keys', '--token', 'cli-token', '--pin', '1234');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown option --pin');
  });
});
