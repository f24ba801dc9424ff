import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from '../../../main/transcript/print/pdf-printer.js';
import type { CustodianCardModel } from '../../../renderer/print/print-models.js';
import { sampleCard } from '../../unit/print/sample-ceremony.js';
import { pdfText } from './pdf-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'conclave-printer-'));
let printer: PdfPrinter;
let cards: CustodianCardModel[];

beforeAll(async () => {
  printer = await PdfPrinter.launch();
  cards = await Promise.all([1, 2, 3].map((i) => sampleCard(i, true)));
});
afterAll(async () => {
  await printer?.close();
});

describe('one Chromium for a batch of documents', () => {
  it('prints documents asked for at the same time one after the other, each with only its own words', async () => {
    const pdfs = await Promise.all(cards.map((card) => printer.custodianCardPdf(card)));
    pdfs.forEach((pdf, i) => {
      const path = join(dir, `card-${i + 1}.pdf`);
      writeFileSync(path, pdf);
      const text = pdfText(path);
      expect(text).toContain(cards[i]!.custodianName);
      for (const [j, other] of cards.entries()) {
        if (j !== i) expect(text).not.toContain(other.custodianName);
      }
    });
  });

  it('says which Chromium did not start, and why', async () => {
    await expect(PdfPrinter.launch({ executablePath: '/bin/false' })).rejects.toMatchObject({
      code: 'CHROMIUM_FAILED',
      message: expect.stringMatching(/^Chromium at \/bin\/false did not start: /),
    });
  });
});
