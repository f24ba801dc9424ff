import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { pdfText } from '../print/pdf-reader.js';

/** One custodian card as a person in the room reads it: whose share, which member of how many, and its numbered words. */
export interface CustodianCard {
  file: string;
  custodian: string;
  member: number;
  memberCount: number;
  /** The share fingerprint printed on the card, hex without spaces, as the transcript records it. */
  fingerprint: string;
  words: string[];
}

const BIP39 = new Set(wordlist);

/**
 * Reads a custodian card PDF of a bundle's custodians/ folder the way a
 * person reads the paper: the holder's name and member number from the
 * header, then the words by the number printed beside each (the card lays
 * them out in columns of groups, so text order is not word order). Text from
 * pdftotext, nothing from the engine.
 * @throws Error when the card does not read as one complete share.
 */
export function readCustodianCard(file: string): CustodianCard {
  const text = pdfText(file);
  const holder = /CUSTODIAN CARD · SECRET (.+?) Holder of share (\d+) of (\d+)/.exec(text);
  const count = /Your share (\d+) words in \d+ numbered groups\./.exec(text);
  const fingerprint = / · member \d+ of \d+ · share fingerprint ([0-9a-f]{16}) /.exec(text);
  if (!holder || !count || !fingerprint) throw new Error(`${file} does not read as a custodian card: ${text.slice(0, 200)}`);
  // The words sit between the "how to type them" line and the card's instructions.
  const start = text.indexOf('are enough.', count.index) + 'are enough.'.length;
  const end = text.indexOf('What to do with this card', start);
  const byNumber = new Map<number, string>();
  for (const [, number, word] of text.slice(start, end).matchAll(/(?:^| )([1-9]\d?) ([a-z]+)(?= |$)/g)) {
    if (byNumber.has(Number(number))) throw new Error(`${file}: word ${number} is printed twice.`);
    byNumber.set(Number(number), word!);
  }
  const words = Array.from({ length: Number(count[1]) }, (_, i) => byNumber.get(i + 1) ?? '');
  const unreadable = words.flatMap((w, i) => (BIP39.has(w) ? [] : [i + 1]));
  if (unreadable.length > 0 || byNumber.size !== words.length) throw new Error(`${file}: words ${unreadable.join(', ')} could not be read off the card (${byNumber.size} numbered words found, ${words.length} printed as the count).`);
  return { file, custodian: holder[1]!, member: Number(holder[2]), memberCount: Number(holder[3]), fingerprint: fingerprint[1]!, words };
}

/** Every card of a bundle's custodians/ folder, in file order (by member number). @throws Error as readCustodianCard, or when a card is not a PDF. */
export function readCustodianCards(bundleDir: string): CustodianCard[] {
  const folder = join(bundleDir, 'custodians');
  const files = readdirSync(folder).sort();
  const notPdf = files.filter((f) => !f.endsWith('.pdf'));
  if (notPdf.length > 0) throw new Error(`${folder} holds cards that are not PDFs (${notPdf.join(', ')}): was Chromium missing when they were printed?`);
  return files.map((f) => readCustodianCard(join(folder, f)));
}
