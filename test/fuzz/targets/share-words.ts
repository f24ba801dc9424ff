import { wordlist } from '@scure/bip39/wordlists/english.js';
import { CustodyError } from '../../../main/custody/custody-error.js';
import { decodeEnvelope, encodeEnvelope } from '../../../main/custody/share-envelope.js';
import { decodeShareWords, formatShareWords, parseWordIndices, shareToWords } from '../../../main/custody/share-words.js';
import type { FuzzTarget } from '../fuzz-target.js';
import { mutateBytes } from '../mutate-bytes.js';
import { AWKWARD_TEXT } from '../mutate-text.js';
import type { Random } from '../seeded-random.js';
import { shareCorpus } from './share-corpus.js';

type WordEdit = (words: string[], r: Random) => string[];

/** What a person does to words copied from a card: misspell, shorten, swap, skip, repeat, paste extra. */
const WORD_EDITS: Record<string, WordEdit> = {
  'another word': (w, r) => w.map((x, i) => (i === r.int(w.length) ? r.pick(wordlist) : x)),
  'four letters': (w, r) => w.map((x) => (r.chance(0.5) ? x.slice(0, 4) : x)),
  'three letters': (w, r) => w.map((x, i) => (i === r.int(w.length) ? x.slice(0, 3) : x)),
  'upper case': (w) => w.map((x) => x.toUpperCase()),
  'swap neighbours': (w, r) => {
    const out = [...w];
    const i = r.int(Math.max(1, out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    return out.filter((x) => x !== undefined);
  },
  'skip a word': (w, r) => w.filter((_, i) => i !== r.int(w.length)),
  'say a word twice': (w, r) => {
    const i = r.int(w.length);
    return [...w.slice(0, i + 1), w[i]!, ...w.slice(i + 1)];
  },
  'a typo': (w, r) => w.map((x, i) => (i === r.int(w.length) ? x.slice(0, 1 + r.int(x.length)) + String.fromCharCode(97 + r.int(26)) + x.slice(2 + r.int(x.length)) : x)),
  'awkward text': (w, r) => w.map((x, i) => (i === r.int(w.length) ? r.pick(AWKWARD_TEXT).slice(0, 64) : x)),
  'group numbers': (w, r) => w.flatMap((x, i) => (i % 4 === 0 ? [r.pick([`${i / 4 + 1}`, `${i / 4 + 1}.`, `0${i / 4 + 1}:`, `${i / 4 + 1})`, '1x']), x] : [x])),
  'half of it': (w, r) => w.slice(0, r.int(w.length)),
  'two cards run together': (w) => [...w, ...w],
};

/**
 * Share words as typed back (decodeShareWords, the path of `conclave share
 * check` and of every hand-off and recovery), and the same share as QR
 * bytes (decodeEnvelope): a share, or a CustodyError naming the position.
 * An accepted input must spell exactly the share it decoded to.
 */
export const shareWordsTarget: FuzzTarget = {
  name: 'share-words',
  perInputMs: 1000,
  async prepare() {
    const corpus = await shareCorpus();
    const texts = corpus.map((e) => shareToWords(e));
    const qr = corpus.map((e) => encodeEnvelope(e));
    return {
      next(random) {
        if (random.chance(0.2)) {
          const { bytes, how } = mutateBytes(random.pick(qr), random, random.pick(qr));
          return { bytes: Buffer.concat([Buffer.from('QR:'), bytes]), how: ['QR payload', ...how] };
        }
        let words = [...random.pick(texts)];
        const how: string[] = [];
        for (let n = 1 + random.int(2); n > 0; n--) {
          const name = random.pick(Object.keys(WORD_EDITS));
          how.push(name);
          words = words.length ? WORD_EDITS[name]!(words, random) : words;
        }
        const text = random.chance(0.3) ? formatShareWords(words) : words.join(random.pick([' ', '\n', ', ', '\t', '  ']));
        if (!random.chance(0.15)) return { bytes: Buffer.from(text, 'utf8'), how };
        const bytes = mutateBytes(Buffer.from(text, 'utf8'), random);
        return { bytes: bytes.bytes, how: [...how, ...bytes.how] };
      },
      run(input) {
        if (Buffer.from(input.subarray(0, 3)).toString('latin1') === 'QR:') {
          const envelope = decodeEnvelope(input.subarray(3));
          if (!Buffer.from(encodeEnvelope(envelope)).equals(input.subarray(3))) throw new Error('a QR payload was accepted as a share that encodes to other bytes');
          return 'accepted';
        }
        const envelope = decodeShareWords(input);
        const spelled = Array.from(parseWordIndices(input));
        const expected = shareToWords(envelope).map((w) => wordlist.indexOf(w));
        if (spelled.join() !== expected.join()) throw new Error('words were accepted as a share that spells differently');
        return 'accepted';
      },
      isRefusal: (error) => error instanceof CustodyError,
    };
  },
};
