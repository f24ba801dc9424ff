import { existsSync } from 'node:fs';
import type { CustodianCardModel, PaperSize, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { chromiumCandidates, findChromium } from './chromium.js';
import { htmlPathFor, writeCustodianCardHtml, writeTranscriptHtml } from './html-fallback.js';
import { PdfPrinter } from './pdf-printer.js';
import { PrintError } from './print-error.js';
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
 * machine without Chromium, writes the same views as HTML files instead
 * (x.pdf → x.html) and says so in `notice` — issue 5: the bundle then holds
 * the HTML, and `conclave verify` must not count the missing PDFs as a failure.
 * Every output is checked first: if one exists already, nothing is printed.
 * @throws PrintError CHROMIUM_FAILED, PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED
 */
export async function printDocuments(batch: PrintBatch): Promise<PrintedBatch> {
  const candidates = chromiumCandidates();
  const executablePath = findChromium(candidates);
  const format = executablePath ? 'pdf' : 'html';
  const targets = [batch.transcript?.path, ...(batch.cards ?? []).map((c) => c.path)]
    .filter((p): p is string => p !== undefined)
    .map((p) => (format === 'pdf' ? p : htmlPathFor(p)));
  assertNoneExists(targets);
  if (!executablePath) {
    await printAsHtml(batch);
    const notice =
      `No Chromium was found (looked for ${candidates.join(', ')}), so no PDF was made: ` +
      `the documents were written as HTML (${targets.join(', ')}). Open them in a browser and print them, ` +
      'or install Chromium (apt-get install chromium) to get PDFs.';
    return { format, files: targets, notice };
  }
  await printAsPdf(batch, executablePath);
  return { format, files: targets };
}

async function printAsHtml(batch: PrintBatch): Promise<void> {
  if (batch.transcript) await writeTranscriptHtml(batch.transcript.model, htmlPathFor(batch.transcript.path));
  for (const card of batch.cards ?? []) await writeCustodianCardHtml(card.model, htmlPathFor(card.path));
}

async function printAsPdf(batch: PrintBatch, executablePath: string): Promise<void> {
  const printer = await PdfPrinter.launch({ executablePath });
  try {
    const options = { paper: batch.paper, printer };
    if (batch.transcript) await renderTranscriptPdf(batch.transcript.model, batch.transcript.path, options);
    for (const card of batch.cards ?? []) await renderCustodianCardPdf(card.model, card.path, options);
  } finally {
    await printer.close();
  }
}

// Refuse before anything is printed: a batch is written whole or not started.
function assertNoneExists(paths: readonly string[]): void {
  const existing = paths.filter((p) => existsSync(p));
  if (existing.length > 0) {
    const one = existing.length === 1;
    throw new PrintError(
      'PRINT_OUTPUT_EXISTS',
      `${existing.join(', ')} already ${one ? 'exists' : 'exist'}; Conclave never overwrites an output. Move ${one ? 'it' : 'them'} away or choose another folder.`,
    );
  }
}
