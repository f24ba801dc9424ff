import { describe, expect, it } from 'vitest';
import { CustodyError } from '../../../main/custody/custody-error.js';
import { decodeShareWords, formatShareWords, shareToWords } from '../../../main/custody/share-words.js';
import { envelopeOf, shareVectors } from './share-vectors.js';

const v = shareVectors[1]!;
const words = v.words.split(' ');

function refusal(input: string): CustodyError {
  try {
    decodeShareWords(input);
  } catch (error) {
    if (error instanceof CustodyError) return error;
    throw error;
  }
  throw new Error('input was accepted');
}

describe('share words', () => {
  it('writes every known-answer vector as its BIP-39 English words', () => {
    for (const vector of shareVectors) expect(shareToWords(envelopeOf(vector)).join(' '), vector.name).toBe(vector.words);
  });

  it('reads the words back to the same share', () => {
    const e = decodeShareWords(v.words);
    expect([e.setId, e.member, e.threshold, e.shareCount, Buffer.from(e.share).toString('hex')]).toEqual([v.setId, v.member, v.threshold, v.shareCount, v.share]);
  });

  it('accepts the first four letters of each word, in any case', () => {
    const typed = words.map((w, i) => (i % 2 ? w.slice(0, 4).toUpperCase() : w.slice(0, 4)));
    expect(decodeShareWords(typed.join(' ')).member).toBe(3);
  });

  it('prints numbered groups of four words, and reads that text back as it is', () => {
    const card = formatShareWords(words);
    const lines = card.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^ 1 {2}drive\s+\w+\s+\w+\s+\w+$/);
    expect(lines[9]!.trim().split(/\s+/)).toHaveLength(3);
    expect(decodeShareWords(card).member).toBe(3);
  });

  it('names an unknown word by its position and group', () => {
    const typed = [...words];
    typed[9] = 'xylophone';
    const error = refusal(typed.join(' '));
    expect(error.code).toBe('share.word-unknown');
    expect(error.positions).toEqual([10]);
    expect(error.message).toMatch(/Word 10 \(group 3, word 2\)/);
  });

  it('refuses three letters of a longer word and letters that go beyond the word', () => {
    expect(refusal(words.map((w, i) => (i === 4 ? w.slice(0, 3) : w)).join(' ')).positions).toEqual([5]);
    expect(refusal(words.map((w, i) => (i === 4 ? `${w}s` : w)).join(' ')).positions).toEqual([5]);
  });

  it('names a wrong (but listed) word by its position, from typed text', () => {
    const typed = [...words];
    typed[20] = typed[20] === 'zoo' ? 'abandon' : 'zoo';
    const error = refusal(typed.join(' '));
    expect(error.code).toBe('share.word-wrong');
    expect(error.message).toMatch(/^Word 21 \(group 6, word 1\) is wrong/);
  });

  it('names two swapped words by their positions, from typed text', () => {
    const typed = [...words];
    [typed[7], typed[8]] = [typed[8]!, typed[7]!];
    const error = refusal(typed.join(' '));
    expect(error.code).toBe('share.words-swapped');
    expect(error.positions).toEqual([8, 9]);
  });

  it('says a word is missing or extra, with the count it expects', () => {
    expect(refusal(words.filter((_, i) => i !== 30).join(' '))).toMatchObject({ code: 'share.word-count', message: expect.stringMatching(/38 words but 37 .* missing/) });
    expect(refusal([...words.slice(0, 30), 'abandon', ...words.slice(30)].join(' '))).toMatchObject({ code: 'share.word-count', message: expect.stringMatching(/extra/) });
  });

  it('says a word is missing or extra wherever after the header it was left out or added', () => {
    for (let p = 11; p < words.length; p++) {
      expect(refusal(words.filter((_, i) => i !== p).join(' ')).code, `left out ${p + 1}`).toBe('share.word-count');
      expect(refusal([...words.slice(0, p), 'zoo', ...words.slice(p)].join(' ')).code, `added at ${p + 1}`).toBe('share.word-count');
    }
  });

  it('says the first word is missing when the share does not start with the marker word', () => {
    expect(refusal(words.slice(1).join(' ')).message).toMatch(/do not start with "drive".*first word missing/);
    expect(refusal(['zoo', ...words].join(' ')).message).toMatch(/extra word before "drive"/);
  });

  it('says a BIP-39 wallet phrase is not a Conclave share', () => {
    const wallet = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    expect(refusal(wallet).code).toBe('share.not-a-share');
  });

  it('says so when no words were entered', () => {
    expect(refusal('  \n 1 \n').code).toBe('share.empty');
  });

  it('never puts a word of the share into an error message (only the marker word every share starts with)', () => {
    const typed = [...words];
    typed[2] = 'zoo';
    typed[3] = 'qqqq';
    for (const input of [typed.join(' '), words.slice(1).join(' ')]) {
      const message = refusal(input).message.toLowerCase();
      for (const w of words.slice(1)) expect(message.split(/[^a-z]+/)).not.toContain(w);
    }
  });
});
