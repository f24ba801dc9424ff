import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { randomBytes } from 'node:crypto';
import { splitKek } from '../../main/custody/kek-split.js';
import { decodeShareWords, shareToWords } from '../../main/custody/share-words.js';
import type { Figure } from '../figure.js';

const ROUNDS = 10_000;

/**
 * share_codec_us: microseconds to encode one KEK share as words, read the
 * words back and check them (checksum, envelope, fields), median of 10,000.
 * Baseline, in the same run: @scure/bip39 turning 32 bytes into a 24-word
 * mnemonic and back (its checksum is a SHA-256), the usual word codec.
 */
export const shareCodec: Figure = {
  name: 'share_codec_us',
  async run() {
    const [share] = await splitKek(randomBytes(32), { setId: '0123456789abcdef', threshold: 3, shareCount: 5 });
    const entropy = randomBytes(32);
    const ours: number[] = [];
    const bip39: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let start = process.hrtime.bigint();
      const decoded = decodeShareWords(shareToWords(share!).join(' '));
      ours.push(Number(process.hrtime.bigint() - start) / 1000);
      if (decoded.member !== 1) throw new Error('share codec round trip failed');
      decoded.share.fill(0);
      start = process.hrtime.bigint();
      mnemonicToEntropy(entropyToMnemonic(entropy, wordlist), wordlist);
      bip39.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    share!.share.fill(0);
    const value = median(ours);
    const baseline = median(bip39);
    return {
      value,
      unit: 'µs',
      goal: '≤ 1 × the BIP-39 round trip',
      baseline: `@scure/bip39 32-byte mnemonic round trip, median of ${ROUNDS}: ${baseline.toFixed(1)} µs`,
      met: value <= baseline,
      detail: { bip39_us: baseline, ratio: value / baseline, p99_us: percentile(ours, 0.99), words: 38 },
    };
  },
};

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
