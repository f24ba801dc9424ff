import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { kekCheckValue } from '../../../main/custody/kek-check-value.js';

const vectors: { key: string; kcv: string }[] = JSON.parse(readFileSync(new URL('../../vectors/custody/kcv.json', import.meta.url), 'utf8')).vectors;

describe('KEK check value', () => {
  it('matches the known answers computed with openssl', () => {
    for (const v of vectors) expect(kekCheckValue(Buffer.from(v.key, 'hex'))).toBe(v.kcv);
  });

  it('agrees with openssl enc -aes-256-ecb on a random key', () => {
    const key = randomBytes(32);
    const block = execFileSync('openssl', ['enc', '-aes-256-ecb', '-K', key.toString('hex'), '-nopad'], { input: Buffer.alloc(16) });
    expect(kekCheckValue(key)).toBe(block.subarray(0, 3).toString('hex'));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => kekCheckValue(new Uint8Array(16))).toThrow(expect.objectContaining({ code: 'kek.length' }));
  });
});
