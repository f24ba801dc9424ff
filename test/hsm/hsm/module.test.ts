import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';

// A shared library that exists on Debian and is not a PKCS#11 module.
const NOT_PKCS11_LIBRARY = ['/usr/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/aarch64-linux-gnu/libz.so.1', '/lib/x86_64-linux-gnu/libz.so.1'].find((p) => existsSync(p));

let store: TestTokenStore;

beforeAll(() => {
  store = createTokenStore(['module-alpha', 'module-beta']);
});

afterAll(() => store?.cleanup());

async function openFails(modulePath: string): Promise<HsmError> {
  const error = await Hsm.open({ modulePath }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HsmError);
  return error as HsmError;
}

/** The token blocks of `softhsm2-util --show-slots`, read apart from main/hsm. */
function softhsmUtilTokens(): { label: string; serial: string; manufacturer: string; model: string; firmware: string }[] {
  const listing = execFileSync('softhsm2-util', ['--show-slots'], { env: { ...process.env, SOFTHSM2_CONF: store.conf } }).toString();
  return listing
    .split(/\nSlot /)
    .map((block) => block.split('Token info:')[1] ?? '')
    .map((t) => {
      const field = (name: string): string => new RegExp(`${name}:[ \\t]*(.*)`).exec(t)?.[1]?.trim() ?? '';
      return { label: field('Label'), serial: field('Serial number'), manufacturer: field('Manufacturer ID'), model: field('Model'), firmware: field('Firmware version') };
    })
    .filter((t) => t.serial !== '');
}

describe('loading the PKCS#11 module', () => {
  it('a path where nothing is installed → MODULE_NOT_FOUND naming the path', async () => {
    const error = await openFails('/opt/no-such-hsm/libvendor-pkcs11.so');
    expect(error.code).toBe('MODULE_NOT_FOUND');
    expect(error.message).toContain('/opt/no-such-hsm/libvendor-pkcs11.so');
  });

  it('a shared library that is not a PKCS#11 module → MODULE_INVALID', async () => {
    expect(NOT_PKCS11_LIBRARY, 'libz.so.1 should exist on this machine').toBeDefined();
    const error = await openFails(NOT_PKCS11_LIBRARY!);
    expect(error.code).toBe('MODULE_INVALID');
    expect(error.message).toContain(NOT_PKCS11_LIBRARY);
  });

  it('a file that is not a library at all → MODULE_INVALID', async () => {
    const error = await openFails('/etc/passwd');
    expect(error.code).toBe('MODULE_INVALID');
    expect(error.message).toContain('/etc/passwd');
  });
});

describe('an opened module', () => {
  let hsm: Hsm;
  beforeAll(async () => {
    hsm = await Hsm.open();
  });
  afterAll(async () => {
    await hsm?.close();
  });

  it('describes itself as SoftHSM', () => {
    expect(hsm.moduleInfo.manufacturer).toBe('SoftHSM');
    expect(hsm.moduleInfo.cryptokiVersion).toMatch(/^2\.\d+$/);
  });

  it('lists every initialised token with the label, serial, manufacturer, model and firmware softhsm2-util shows', () => {
    const expected = softhsmUtilTokens();
    expect(expected.map((t) => t.label).sort()).toEqual(['module-alpha', 'module-beta']);
    const listed = hsm
      .tokens()
      .filter((t) => t.flags.tokenInitialized)
      .map((t) => ({ label: t.label, serial: t.serial, manufacturer: t.manufacturer, model: t.model, firmware: t.firmwareVersion }));
    expect(listed.sort((a, b) => a.label.localeCompare(b.label))).toEqual(expected.sort((a, b) => a.label.localeCompare(b.label)));
    expect(store.tokens.map((t) => t.serial).sort()).toEqual(expected.map((t) => t.serial).sort());
  });

  it('reports a fresh token as needing login, with its user PIN set and no wrong tries', () => {
    const token = hsm.tokens().find((t) => t.label === 'module-alpha')!;
    expect(token.flags).toMatchObject({ loginRequired: true, userPinInitialized: true, tokenInitialized: true, userPinCountLow: false, userPinFinalTry: false, userPinLocked: false });
  });

  it('lists CKM_ECDSA for signing and CKM_AES_KEY_WRAP_PAD for wrapping and unwrapping', () => {
    const mechanisms = hsm.mechanisms({ label: 'module-alpha' });
    const ecdsa = mechanisms.find((m) => m.name === 'CKM_ECDSA');
    const wrapPad = mechanisms.find((m) => m.name === 'CKM_AES_KEY_WRAP_PAD');
    expect(ecdsa?.flags).toEqual(expect.arrayContaining(['sign', 'verify']));
    expect(wrapPad?.type).toBe('0x210a');
    expect(wrapPad?.flags).toEqual(expect.arrayContaining(['wrap', 'unwrap']));
    expect(mechanisms.find((m) => m.name === 'CKM_RSA_PKCS_KEY_PAIR_GEN')?.maxKeySize).toBeGreaterThanOrEqual(4096);
  });

  it('an unknown token label → TOKEN_NOT_FOUND naming the tokens that are present', async () => {
    const error = await hsm.openSession({ label: 'no-such-token' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HsmError);
    expect((error as HsmError).code).toBe('TOKEN_NOT_FOUND');
    const message = (error as HsmError).message;
    expect(message).toContain('no-such-token');
    for (const t of store.tokens) {
      expect(message).toContain(t.label);
      expect(message).toContain(t.serial);
    }
  });

  it('an unknown serial → TOKEN_NOT_FOUND', async () => {
    const error = await hsm.openSession({ serial: '0000000000000000' }).catch((e: unknown) => e);
    expect((error as HsmError).code).toBe('TOKEN_NOT_FOUND');
    expect((error as HsmError).message).toContain('0000000000000000');
  });

  it('selects a token by its serial', async () => {
    const beta = store.tokens.find((t) => t.label === 'module-beta')!;
    const session = await hsm.openSession({ serial: beta.serial });
    try {
      expect(session.token.label).toBe('module-beta');
      expect(session.token.serial).toBe(beta.serial);
    } finally {
      await session.close();
    }
  });

  it('requireMechanisms returns the mechanisms a ceremony needs when the token has them', () => {
    const found = hsm.requireMechanisms({ label: 'module-alpha' }, ['CKM_ECDSA', 'CKM_AES_KEY_WRAP_PAD', 'CKM_SHA384_RSA_PKCS_PSS']);
    expect(found.map((m) => m.name)).toEqual(['CKM_ECDSA', 'CKM_AES_KEY_WRAP_PAD', 'CKM_SHA384_RSA_PKCS_PSS']);
  });

  it('requireMechanisms knows a mechanism by its PKCS#11 alias (CKM_ECDSA_KEY_PAIR_GEN is CKM_EC_KEY_PAIR_GEN)', () => {
    expect(hsm.requireMechanisms({ label: 'module-alpha' }, ['CKM_ECDSA_KEY_PAIR_GEN'])).toHaveLength(1);
  });

  it('a mechanism SoftHSM 2.6 lacks → MECHANISM_UNSUPPORTED naming exactly the missing ones', () => {
    let error: unknown;
    try {
      hsm.requireMechanisms({ label: 'module-alpha' }, ['CKM_ECDSA', 'CKM_SHA3_256_RSA_PKCS', 'CKM_ECDSA_SHA384']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HsmError);
    expect((error as HsmError).code).toBe('MECHANISM_UNSUPPORTED');
    expect((error as HsmError).message).toContain('CKM_SHA3_256_RSA_PKCS, CKM_ECDSA_SHA384');
    expect((error as HsmError).message).not.toMatch(/CKM_ECDSA[^_]/);
    expect((error as HsmError).message).toContain('module-alpha');
  });
});

describe('one module owner per process', () => {
  it('two handles share the module: closing one leaves the other working, the last close finalizes', async () => {
    const first = await Hsm.open();
    const second = await Hsm.open();
    await first.close();
    expect(second.tokens().map((t) => t.label)).toContain('module-alpha');
    const session = await second.openSession({ label: 'module-alpha' });
    await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
    expect(await session.random(16)).toHaveLength(16);
    await session.close();
    await second.close();
    // Finalized once: a new handle initialises the module afresh (a second
    // C_Finalize or a missed one would fail here with CKR_CRYPTOKI_*).
    const third = await Hsm.open();
    expect(third.tokens().length).toBeGreaterThan(0);
    await third.close();
  });

  it('the same library named by another path (a symlink, "..") is the same owner: closing that handle leaves the first working', async () => {
    const first = await Hsm.open({ modulePath: SOFTHSM_MODULE });
    const real = realpathSync(SOFTHSM_MODULE);
    for (const alias of [real, join(dirname(SOFTHSM_MODULE), '..', basename(dirname(SOFTHSM_MODULE)), basename(SOFTHSM_MODULE))]) {
      const other = await Hsm.open({ modulePath: alias });
      expect(other.tokens().length).toBe(first.tokens().length);
      await other.close();
      expect(first.tokens().map((t) => t.label)).toContain('module-alpha');
    }
    await first.close();
  });

  it('a closed handle refuses to be used', async () => {
    const hsm = await Hsm.open();
    await hsm.close();
    expect(() => hsm.tokens()).toThrow(HsmError);
  });

  it('closing a handle twice finalizes once', async () => {
    const kept = await Hsm.open();
    const twice = await Hsm.open();
    await twice.close();
    await twice.close();
    expect(kept.tokens().length).toBeGreaterThan(0);
    await kept.close();
  });
});
