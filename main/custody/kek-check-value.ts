import { createCipheriv } from 'node:crypto';
import { CustodyError } from './custody-error.js';
import { zero } from './secret-bytes.js';

/** The KEK is an AES-256 key. */
export const KEK_BYTES = 32;

/**
 * The key check value of a KEK held in memory: AES-256-ECB of one zero block
 * under the key, first 3 bytes, lowercase hex — the usual banking KCV
 * (design/FORMATS.md). For keys on the token the HSM computes the same value;
 * here node:crypto does it for the KEK rebuilt from shares, before it goes
 * anywhere near a token.
 * @throws CustodyError kek.length when the key is not 32 bytes.
 */
export function kekCheckValue(kek: Uint8Array): string {
  if (kek.length !== KEK_BYTES) throw new CustodyError('kek.length', `The KEK must be ${KEK_BYTES} bytes; these are ${kek.length}.`);
  const cipher = createCipheriv('aes-256-ecb', kek, null);
  cipher.setAutoPadding(false);
  const block = cipher.update(new Uint8Array(16));
  const kcv = block.subarray(0, 3).toString('hex');
  zero(block);
  cipher.final();
  return kcv;
}
