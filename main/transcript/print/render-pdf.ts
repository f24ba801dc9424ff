import type { CustodianCardModel, PaperSize, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { PdfPrinter, type PaperOptions } from './pdf-printer.js';
import { writeNewFile } from './write-new-file.js';

/** Options of a single render: the paper, and a printer to reuse across a batch. */
export interface RenderOptions extends PaperOptions {
  /** An open printer; without one, a Chromium is started for this document alone. */
  printer?: PdfPrinter;
}

/**
 * Writes transcript.pdf (or any path that does not exist yet).
 * @throws PrintError (CHROMIUM_NOT_FOUND, CHROMIUM_FAILED, PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED)
 */
export async function renderTranscriptPdf(model: TranscriptPrintModel, outPath: string, options: RenderOptions = {}): Promise<void> {
  await withPrinter(options.printer, async (printer) => {
    await writeNewFile(outPath, await printer.transcriptPdf(model, options));
  });
}

/**
 * Writes one custodian card as a PDF, then wipes the bytes from memory.
 * @throws PrintError (CHROMIUM_NOT_FOUND, CHROMIUM_FAILED, PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED)
 */
export async function renderCustodianCardPdf(model: CustodianCardModel, outPath: string, options: RenderOptions = {}): Promise<void> {
  await withPrinter(options.printer, async (printer) => {
    const pdf = await printer.custodianCardPdf(model, options);
    try {
      await writeNewFile(outPath, pdf);
    } finally {
      pdf.fill(0);
    }
  });
}

/**
 * Writes every card of a ceremony with one Chromium, in order; stops at the
 * first failure (the cards already written stay, each complete).
 * @throws PrintError as renderCustodianCardPdf
 */
export async function renderCustodianCardPdfs(
  cards: readonly { model: CustodianCardModel; path: string }[],
  options: { paper?: PaperSize } = {},
): Promise<void> {
  await withPrinter(undefined, async (printer) => {
    for (const card of cards) await renderCustodianCardPdf(card.model, card.path, { ...options, printer });
  });
}

async function withPrinter(given: PdfPrinter | undefined, work: (printer: PdfPrinter) => Promise<void>): Promise<void> {
  if (given) return work(given);
  const printer = await PdfPrinter.launch();
  try {
    await work(printer);
  } finally {
    await printer.close();
  }
}
