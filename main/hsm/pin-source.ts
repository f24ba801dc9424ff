import { readFileSync } from 'node:fs';
import { HsmError } from './hsm-error.js';

/**
 * Where a PIN comes from. Never a command-line argument (FORMATS.md, CLI):
 * `env:NAME`, `file:PATH`, or `prompt` (the terminal, echo off).
 */
export type PinSource = { kind: 'env'; name: string } | { kind: 'file'; path: string } | { kind: 'prompt' };

/**
 * Parses `env:NAME`, `file:PATH` or `prompt`.
 * @throws HsmError PIN_SOURCE naming the accepted forms.
 */
export function parsePinSource(text: string): PinSource {
  if (text === 'prompt') return { kind: 'prompt' };
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (colon > 0 && rest) {
    if (kind === 'env') return { kind: 'env', name: rest };
    if (kind === 'file') return { kind: 'file', path: rest };
  }
  throw new HsmError('PIN_SOURCE', `"${text.slice(0, 40)}" is not a PIN source. Use env:NAME (an environment variable), file:PATH (a file holding the PIN) or prompt (typed, not shown).`);
}

/** How a prompt reads a line with echo off; the CLI gives one over the terminal. */
export type SecretPrompt = (question: string) => Promise<Uint8Array>;

/**
 * Reads the PIN as bytes. The caller zeroes the result after login. A trailing
 * newline in a PIN file is not part of the PIN.
 * @throws HsmError PIN_SOURCE when the variable or file is missing or empty.
 */
export async function readPin(source: PinSource, prompt: SecretPrompt | undefined, tokenLabel: string): Promise<Uint8Array> {
  switch (source.kind) {
    case 'env': {
      const value = process.env[source.name];
      if (!value) throw new HsmError('PIN_SOURCE', `The environment variable ${source.name} is not set or empty, so there is no PIN for token "${tokenLabel}".`);
      return new TextEncoder().encode(value);
    }
    case 'file': {
      let bytes: Buffer;
      try {
        bytes = readFileSync(source.path);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
        throw new HsmError('PIN_SOURCE', `The PIN file ${source.path} ${reason}.`);
      }
      let end = bytes.length;
      while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
      const pin = new Uint8Array(bytes.subarray(0, end));
      bytes.fill(0);
      if (pin.length === 0) throw new HsmError('PIN_SOURCE', `The PIN file ${source.path} is empty.`);
      return pin;
    }
    case 'prompt': {
      if (!prompt) throw new HsmError('PIN_SOURCE', 'No terminal to ask for the PIN. Give --pin-source env:NAME or file:PATH.');
      const pin = await prompt(`User PIN for token "${tokenLabel}" (not shown): `);
      if (pin.length === 0) throw new HsmError('PIN_SOURCE', 'No PIN was entered.');
      return pin;
    }
  }
}
