import type { CustodianCardModel, PaperSize, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { chromiumCandidates, findChromium } from './chromium.js';
import { htmlPathFor, writeCustodianCardHtml, writeTranscriptHtml } from './html-fallback.js';
import { PdfPrinter } from './pdf-printer.js';
import { renderCustodianCardPdf, renderTranscriptPdf } from './render-pdf.js';

/** What to print in one batch. Paths name the PDFs. */
export interface PrintBatch {
  transcript?: { model: TranscriptPrintModel; path: string };
  cards?: readonly { model: CustodianCardModel; path: string }[];
  paper?: PaperSize;
}

/** What a batch produced: PDFs, or HTML files beside where the PDFs would be. */
export interface PrintedBatch {
  format: 'pdf' | 'html';
  /** The files written, in the order asked (transcript first). */
  files: string[];
  /** Set when the documents were written as HTML: the sentence to show the person. */
  notice?: string;
}

/**
 * Prints a transcript and/or custodian cards as PDFs with one Chromium; on a
 * machine without Chromium, writes the same views as HTML files instead and
 * says so (`conclave verify` does not count the missing PDFs as a failure).
 * @throws PrintError CHROMIUM_FAILED, PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED
 */
export async function printDocuments(batch: PrintBatch): Promise<PrintedBatch> {
  const candidates = chromiumCandidates();
  const executablePath = findChromium(candidates);
  const cards = batch.cards ?? [];
  if (!executablePath) {
    const files: string[] = [];
    if (batch.transcript) {
      await writeTranscriptHtml(batch.transcript.model, htmlPathFor(batch.transcript.path));
      files.push(htmlPathFor(batch.transcript.path));
    }
    for (const card of cards) {
      await writeCustodianCardHtml(card.model, htmlPathFor(card.path));
      files.push(htmlPathFor(card.path));
    }
    const notice =
      `No Chromium was found (looked for ${candidates.join(', ')}), so no PDF was made: ` +
      `the documents were written as HTML (${files.join(', ')}). Open them in a browser and print them, ` +
      'or install Chromium (apt-get install chromium) to get PDFs.';
    return { format: 'html', files, notice };
  }
  const printer = await PdfPrinter.launch({ executablePath });
  try {
    const files: string[] = [];
    if (batch.transcript) {
      await renderTranscriptPdf(batch.transcript.model, batch.transcript.path, { paper: batch.paper, printer });
      files.push(batch.transcript.path);
    }
    for (const card of cards) {
      await renderCustodianCardPdf(card.model, card.path, { paper: batch.paper, printer });
      files.push(card.path);
    }
    return { format: 'pdf', files };
  } finally {
    await printer.close();
  }
}
