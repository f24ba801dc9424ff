import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfPrinter } from '../../../main/transcript/print/pdf-printer.js';
import { renderTranscriptPdf } from '../../../main/transcript/print/render-pdf.js';
import { groupHex } from '../../../renderer/print/hex-groups.js';
import { PAGE_MARGINS_MM } from '../../../renderer/print/print-base-styles.js';
import type { PaperSize } from '../../../renderer/print/print-models.js';
import { CEREMONY_ID, PARTICIPANTS, ROOT_SPKI_SHA256, sampleTranscript } from '../../unit/print/sample-ceremony.js';
import { pageCount, pageSize, pdfText, savePageOnePng, wordBoxes } from './pdf-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'conclave-transcript-pdf-'));
const MM = 72 / 25.4;
let printer: PdfPrinter;

// A4 as a rehearsal, US Letter as a real ceremony: both sizes, both markings.
const CASES: { paper: PaperSize; rehearsal: boolean; size: { width: number; height: number } }[] = [
  { paper: 'A4', rehearsal: true, size: { width: 596, height: 843 } },
  { paper: 'Letter', rehearsal: false, size: { width: 612, height: 792 } },
];
const pdfOf = (paper: PaperSize) => join(dir, `transcript-${paper}.pdf`);

beforeAll(async () => {
  printer = await PdfPrinter.launch();
  for (const c of CASES) await renderTranscriptPdf(sampleTranscript(c.rehearsal), pdfOf(c.paper), { paper: c.paper, printer });
});
afterAll(async () => {
  await printer?.close();
});

describe.each(CASES)('transcript.pdf on $paper', ({ paper, rehearsal, size }) => {
  const model = sampleTranscript(rehearsal);

  it('is laid out on the paper asked for, over several pages', () => {
    expect(pageSize(pdfOf(paper))).toEqual(size);
    expect(pageCount(pdfOf(paper))).toBeGreaterThan(2);
  });

  it('holds real text: the ceremony id, every participant and the root key\'s fingerprint', () => {
    const text = pdfText(pdfOf(paper));
    expect(text).toContain(CEREMONY_ID);
    for (const p of PARTICIPANTS) expect(text).toContain(p.name);
    expect(text).toContain('Key generated: root-key, EC P-384');
    expect(text).toContain(`SPKI SHA-256 ${groupHex(ROOT_SPKI_SHA256)}`);
  });

  it('has a signature line and a date line for every participant', () => {
    const text = pdfText(pdfOf(paper));
    for (const p of PARTICIPANTS) expect(text).toContain(`Signature — ${p.name}`);
    expect(text.match(/Date \(YYYY-MM-DD\)/g)).toHaveLength(PARTICIPANTS.length);
  });

  it('carries "page n of m" and the first 16 hex of the transcript SHA-256 on every page', () => {
    const pages = pageCount(pdfOf(paper));
    for (let n = 1; n <= pages; n += 1) {
      const text = pdfText(pdfOf(paper), n);
      expect(text).toContain(`page ${n} of ${pages}`);
      expect(text).toContain(`Transcript SHA-256 ${model.transcriptSha256.slice(0, 16)}`);
    }
  });

  it(rehearsal ? 'says REHEARSAL on every page' : 'never says REHEARSAL', () => {
    const pages = pageCount(pdfOf(paper));
    for (let n = 1; n <= pages; n += 1) {
      expect(pdfText(pdfOf(paper), n).includes('REHEARSAL — not valid for production')).toBe(rehearsal);
    }
  });

  it('keeps every word inside the side margins', () => {
    const words = wordBoxes(pdfOf(paper));
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((w) => w.xMin < PAGE_MARGINS_MM.left * MM - 1 || w.xMax > w.width - PAGE_MARGINS_MM.right * MM + 1);
    expect(outside).toEqual([]);
  });

  it('renders page 1 to a PNG kept as a test artifact', () => {
    expect(existsSync(savePageOnePng(pdfOf(paper), `transcript-${paper.toLowerCase()}`))).toBe(true);
  });
});
