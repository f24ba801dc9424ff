import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HsmError } from '../../../main/hsm/hsm-error.js';
import { parsePinSource, readPin, type SecretPrompt } from '../../../main/hsm/pin-source.js';

let dir: string;
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'conclave-pin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pinFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function refused(promise: Promise<unknown>): Promise<HsmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HsmError);
  expect((error as HsmError).code).toBe('PIN_SOURCE');
  return error as HsmError;
}

describe('parsing a PIN source', () => {
  it.each([
    ['env:HSM_PIN', { kind: 'env', name: 'HSM_PIN' }],
    ['file:/run/secrets/hsm.pin', { kind: 'file', path: '/run/secrets/hsm.pin' }],
    ['file:C:\\pins\\hsm.pin', { kind: 'file', path: 'C:\\pins\\hsm.pin' }],
    ['file:relative/with:colon', { kind: 'file', path: 'relative/with:colon' }],
    ['prompt', { kind: 'prompt' }],
  ])('%s', (text, source) => {
    expect(parsePinSource(text)).toEqual(source);
  });

  it.each(['1234', 'env:', 'file:', ':x', 'pin:1234', 'ENV:HSM_PIN', ''])('refuses "%s", naming the accepted forms', (text) => {
    let error: unknown;
    try {
      parsePinSource(text);
    } catch (e) {
      error = e;
    }
    expect((error as HsmError).code).toBe('PIN_SOURCE');
    expect((error as HsmError).message).toContain('env:NAME');
    expect((error as HsmError).message).toContain('file:PATH');
  });
});

describe('reading a PIN from a file', () => {
  it('takes the file\'s bytes, a trailing newline stripped', async () => {
    expect(decode(await readPin({ kind: 'file', path: pinFile('lf.pin', '4321\n') }, undefined, 't'))).toBe('4321');
  });

  it('strips a Windows line ending and several trailing newlines', async () => {
    expect(decode(await readPin({ kind: 'file', path: pinFile('crlf.pin', '4321\r\n\n') }, undefined, 't'))).toBe('4321');
  });

  it('keeps spaces and inner characters: they may be part of the PIN', async () => {
    expect(decode(await readPin({ kind: 'file', path: pinFile('spaces.pin', ' 43 21 \n') }, undefined, 't'))).toBe(' 43 21 ');
  });

  it('keeps a PIN without a newline as it is, UTF-8 included', async () => {
    expect(decode(await readPin({ kind: 'file', path: pinFile('utf8.pin', 'pässwörd') }, undefined, 't'))).toBe('pässwörd');
  });

  it('refuses an empty file', async () => {
    const path = pinFile('empty.pin', '');
    expect((await refused(readPin({ kind: 'file', path }, undefined, 't'))).message).toContain(`${path} is empty`);
  });

  it('refuses a file holding only a newline', async () => {
    await refused(readPin({ kind: 'file', path: pinFile('newline.pin', '\n') }, undefined, 't'));
  });

  it('refuses a missing file, naming it', async () => {
    const path = join(dir, 'absent.pin');
    expect((await refused(readPin({ kind: 'file', path }, undefined, 't'))).message).toContain(`${path} does not exist`);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file, naming it', async () => {
    const path = pinFile('locked.pin', '4321');
    chmodSync(path, 0o000);
    expect((await refused(readPin({ kind: 'file', path }, undefined, 't'))).message).toContain('cannot be read');
  });
});

describe('reading a PIN from the environment', () => {
  it('takes the variable\'s value', async () => {
    process.env.CONCLAVE_UNIT_PIN = '8642';
    try {
      expect(decode(await readPin({ kind: 'env', name: 'CONCLAVE_UNIT_PIN' }, undefined, 't'))).toBe('8642');
    } finally {
      delete process.env.CONCLAVE_UNIT_PIN;
    }
  });

  it('refuses a variable that is not set, naming it and the token', async () => {
    delete process.env.CONCLAVE_UNIT_PIN_MISSING;
    const error = await refused(readPin({ kind: 'env', name: 'CONCLAVE_UNIT_PIN_MISSING' }, undefined, 'rehearsal'));
    expect(error.message).toContain('CONCLAVE_UNIT_PIN_MISSING');
    expect(error.message).toContain('"rehearsal"');
  });

  it('refuses a variable that is set but empty', async () => {
    process.env.CONCLAVE_UNIT_PIN_EMPTY = '';
    try {
      await refused(readPin({ kind: 'env', name: 'CONCLAVE_UNIT_PIN_EMPTY' }, undefined, 't'));
    } finally {
      delete process.env.CONCLAVE_UNIT_PIN_EMPTY;
    }
  });
});

describe('reading a PIN at a prompt', () => {
  it('asks for the token by name and returns what was typed', async () => {
    const questions: string[] = [];
    const prompt: SecretPrompt = async (q) => {
      questions.push(q);
      return new TextEncoder().encode('1357');
    };
    expect(decode(await readPin({ kind: 'prompt' }, prompt, 'rehearsal'))).toBe('1357');
    expect(questions).toEqual(['User PIN for token "rehearsal" (not shown): ']);
  });

  it('refuses an empty answer', async () => {
    await refused(readPin({ kind: 'prompt' }, async () => new Uint8Array(0), 't'));
  });

  it('without a terminal, says which other sources to use', async () => {
    const error = await refused(readPin({ kind: 'prompt' }, undefined, 't'));
    expect(error.message).toContain('--pin-source env:NAME or file:PATH');
  });
});
