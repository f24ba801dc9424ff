import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import type { HsmSession } from '../../../main/hsm/hsm-session.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';

// Every failure a person in the ceremony room can meet comes back as an
// HsmError with a code and a sentence naming what is wrong, and never a secret.

const WRONG_PIN = 'wrong-pin-7731';

let store: TestTokenStore;
let hsm: Hsm;

async function failure(promise: Promise<unknown>): Promise<HsmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HsmError);
  return error as HsmError;
}

/** Every way an error can be printed or serialised. */
function everyRendering(error: Error): string {
  const own = Object.getOwnPropertyNames(error).map((k) => String((error as unknown as Record<string, unknown>)[k]));
  return [error.message, String(error), error.stack ?? '', JSON.stringify(error), ...own].join('\n');
}

beforeAll(async () => {
  store = createTokenStore(['errors', 'errors-login']);
  hsm = await Hsm.open();
});

afterAll(async () => {
  await hsm?.close();
  store?.cleanup();
});

describe('logging in', () => {
  let session: HsmSession;
  beforeAll(async () => {
    session = await hsm.openSession({ label: 'errors-login' });
  });
  afterAll(async () => {
    await session.close();
  });

  it('a wrong PIN → PIN_INCORRECT naming the token, with the PKCS#11 reason', async () => {
    const error = await failure(session.login(new TextEncoder().encode(WRONG_PIN)));
    expect(error.code).toBe('PIN_INCORRECT');
    expect(error.ckr).toBe('CKR_PIN_INCORRECT');
    expect(error.message).toContain('"errors-login"');
  });

  it('a wrong PIN is in no rendering of the error: message, string, stack, JSON', async () => {
    const error = await failure(session.login(new TextEncoder().encode(WRONG_PIN)));
    expect(everyRendering(error)).not.toContain(WRONG_PIN);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'PIN_INCORRECT', name: 'HsmError', ckr: 'CKR_PIN_INCORRECT' });
  });

  it('after a wrong PIN, the token\'s wrong-try flag is reported in the message', async () => {
    const error = await failure(session.login(new TextEncoder().encode(WRONG_PIN)));
    expect(session.refreshTokenInfo().flags.userPinCountLow).toBe(true);
    expect(error.message).toMatch(/wrong PIN was entered before/);
  });

  it('the right PIN then logs in, and the caller\'s PIN bytes are left for the caller to zero', async () => {
    const pin = new TextEncoder().encode(store.tokens[1]!.pin);
    await session.login(pin);
    expect(new TextDecoder().decode(pin)).toBe(store.tokens[1]!.pin);
    expect(await session.random(8)).toHaveLength(8);
  });

  // PKCS#11 logs in a token for the whole process, so a second session's
  // C_Login answers CKR_USER_ALREADY_LOGGED_IN without looking at the PIN.
  it('a wrong PIN is refused even when another session of this process has the token logged in', async () => {
    const second = await hsm.openSession({ label: 'errors-login' });
    try {
      const error = await failure(second.login(new TextEncoder().encode(WRONG_PIN)));
      expect(error.code).toBe('PIN_INCORRECT');
      await second.login(new TextEncoder().encode(store.tokens[1]!.pin));
      // Both sessions are logged in again: each may make a private token object.
      await second.generateSecretKey({ label: 'made-by-second', type: { kind: 'aes', bits: 256 }, extractable: false });
      await session.generateSecretKey({ label: 'made-by-first', type: { kind: 'aes', bits: 256 }, extractable: false });
      expect((await session.inventory()).map((o) => o.label)).toEqual(expect.arrayContaining(['made-by-second', 'made-by-first']));
    } finally {
      await second.close();
    }
  });
});

describe('using a token', () => {
  let session: HsmSession;
  beforeAll(async () => {
    session = await hsm.openSession({ label: 'errors' });
  });

  it('making a key before logging in → NOT_LOGGED_IN, asking for the PIN', async () => {
    const error = await failure(session.generateSecretKey({ label: 'too-early', type: { kind: 'aes', bits: 256 }, extractable: false }));
    expect(error.code).toBe('NOT_LOGGED_IN');
    expect(error.message).toMatch(/PIN/);
  });

  describe('once logged in', () => {
    beforeAll(async () => {
      await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
      await session.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-256' }, extractable: false });
      await session.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: false });
    });

    it.each([
      ['a key pair on a key pair\'s label', () => session.generateKeyPair({ label: 'root', type: { kind: 'ec', curve: 'P-384' }, extractable: true }), 'root'],
      ['a key pair on a secret key\'s label', () => session.generateKeyPair({ label: 'master', type: { kind: 'rsa', bits: 2048 }, extractable: false }), 'master'],
      ['a secret key on a key pair\'s label', () => session.generateSecretKey({ label: 'root', type: { kind: 'aes', bits: 256 }, extractable: false }), 'root'],
      ['a secret key on a secret key\'s label', () => session.generateSecretKey({ label: 'master', type: { kind: 'aes', bits: 256 }, extractable: true }), 'master'],
    ] as const)('%s → LABEL_IN_USE, and nothing is created', async (_, make, label) => {
      const before = await session.inventory();
      const error = await failure(make());
      expect(error.code).toBe('LABEL_IN_USE');
      expect(error.message).toContain(`"${label}"`);
      expect(error.message).toContain('Nothing was created');
      expect(await session.inventory()).toEqual(before);
    });

    it('a key pair that is not there → KEY_NOT_FOUND for signing and destroying; lookups say undefined', async () => {
      expect((await failure(session.signer('absent'))).code).toBe('KEY_NOT_FOUND');
      expect((await failure(session.destroyKey({ label: 'absent', class: 'private' }))).code).toBe('KEY_NOT_FOUND');
      expect(await session.findKeyPair('absent')).toBeUndefined();
    });

    it('a secret key that is not there → KEY_NOT_FOUND for wrapping and destroying; lookup says undefined', async () => {
      const kek = await session.importAesKey(new Uint8Array(32).fill(1), { label: 'kek' });
      expect((await failure(session.wrapKey(kek, { label: 'absent', class: 'secret' }))).code).toBe('KEY_NOT_FOUND');
      expect((await failure(session.destroyKey({ label: 'absent', class: 'secret' }))).code).toBe('KEY_NOT_FOUND');
      expect(await session.findSecretKey('absent')).toBeUndefined();
      await session.destroySessionKey(kek);
    });

    it('a secret key asked for as a private key → KEY_NOT_FOUND (classes are not mixed up)', async () => {
      expect((await failure(session.signer('master'))).code).toBe('KEY_NOT_FOUND');
    });

    it('a key-encryption key that is not 32 bytes → INVALID_ARGUMENT, nothing imported', async () => {
      const before = await session.inventory();
      const error = await failure(session.importAesKey(new Uint8Array(16), { label: 'short-kek' }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('16');
      expect(await session.inventory()).toEqual(before);
    });

    it('a closed session → SESSION_CLOSED', async () => {
      await session.close();
      expect((await failure(session.random(4))).code).toBe('SESSION_CLOSED');
    });
  });
});
