import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCustodianCardPdf, renderCustodianCardPdfs } from '../../../main/transcript/print/render-pdf.js';
import { groupHex } from '../../../renderer/print/hex-groups.js';
import { PAGE_MARGINS_MM } from '../../../renderer/print/print-base-styles.js';
import type { CustodianCardModel } from '../../../renderer/print/print-models.js';
import { sampleCard } from '../../unit/print/sample-ceremony.js';
import { pageCount, pageSize, pdfText, savePageOnePng, wordBoxes } from './pdf-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'conclave-card-pdf-'));
const MM = 72 / 25.4;
const cards: { model: CustodianCardModel; path: string }[] = [];
const letterCard = join(dir, 'card-letter.pdf');
// Letter is the shorter page; a rehearsal adds its banner, and a long name its width.
const LONG_NAME = 'Maximiliane Wolkenstein-Hohenberg';
const longNameCards = { A4: join(dir, 'long-name-a4.pdf'), Letter: join(dir, 'long-name-letter.pdf') };

beforeAll(async () => {
  // The five cards of a rehearsal, in one batch (one Chromium), on A4.
  for (let i = 1; i <= 5; i += 1) cards.push({ model: await sampleCard(i, true), path: join(dir, `custodian-${i}.pdf`) });
  await renderCustodianCardPdfs(cards, { paper: 'A4' });
  // A real ceremony's card on US Letter, with a Chromium of its own.
  await renderCustodianCardPdf(await sampleCard(3, false), letterCard, { paper: 'Letter' });
  const longName = { ...(await sampleCard(4, true)), custodianName: LONG_NAME };
  for (const paper of ['A4', 'Letter'] as const) await renderCustodianCardPdf(longName, longNameCards[paper], { paper });
});

describe('custodian cards as PDF', () => {
  it('writes one single-page card per custodian, each with a full-length share', () => {
    for (const card of cards) {
      expect(card.model.words).toHaveLength(38);
      expect(pageCount(card.path)).toBe(1);
    }
    expect(pageSize(cards[0]!.path)).toEqual({ width: 596, height: 843 });
  });

  it('holds each custodian\'s own words, numbered, as real text', () => {
    for (const { model, path } of cards) {
      const text = pdfText(path);
      model.words.forEach((word, i) => expect(text, `${model.custodianName}, word ${i + 1}`).toMatch(new RegExp(`(^| )${i + 1} ${word}( |$)`)));
    }
  });

  it('shows the share fingerprint grouped in fours, and whose share of how many it is', () => {
    for (const { model, path } of cards) {
      const text = pdfText(path);
      expect(text).toContain(`Share fingerprint ${groupHex(model.shareFingerprint)}`);
      expect(text).toContain(model.custodianName);
      expect(text).toContain(`Holder of share ${model.memberIndex} of 5 · any 3 of the 5 shares together restore the backup key`);
    }
  });

  it('carries the ceremony, SECRET, REHEARSAL and "page 1 of 1" in its header and footer', () => {
    const text = pdfText(cards[1]!.path);
    expect(text).toContain('SECRET · custodian card · exm-root-2026-11-29');
    expect(text).toContain('REHEARSAL — not valid for production');
    expect(text).toContain('Dmitri Volkov · member 2 of 5 · share fingerprint');
    expect(text).toContain('page 1 of 1');
  });

  it('fits one US Letter page, unmarked when the ceremony is real', () => {
    expect(pageSize(letterCard)).toEqual({ width: 612, height: 792 });
    expect(pageCount(letterCard)).toBe(1);
    expect(pdfText(letterCard)).not.toContain('REHEARSAL');
    expect(pdfText(letterCard)).toContain('page 1 of 1');
  });

  it('fits one page on A4 and on US Letter for a rehearsal card with a long name', () => {
    for (const pdf of Object.values(longNameCards)) {
      expect(pageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain(`${LONG_NAME} Holder of share 4 of 5`);
      expect(text).toContain('REHEARSAL — practice run');
      expect(text).toMatch(/ 38 \S+ /);
      expect(text).toContain('If it is lost');
      expect(text).toContain('page 1 of 1');
    }
  });

  it('keeps every word inside the side margins on both papers', () => {
    for (const pdf of [cards[0]!.path, letterCard, ...Object.values(longNameCards)]) {
      const outside = wordBoxes(pdf).filter((w) => w.xMin < PAGE_MARGINS_MM.left * MM - 1 || w.xMax > w.width - PAGE_MARGINS_MM.right * MM + 1);
      expect(outside).toEqual([]);
    }
  });

  it('renders page 1 to PNGs kept as test artifacts', () => {
    expect(existsSync(savePageOnePng(cards[1]!.path, 'custodian-card-a4'))).toBe(true);
    expect(existsSync(savePageOnePng(letterCard, 'custodian-card-letter'))).toBe(true);
    expect(existsSync(savePageOnePng(longNameCards.Letter, 'custodian-card-letter-long-name'))).toBe(true);
  });
});
