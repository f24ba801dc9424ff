import type { CustodianCardModel, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { findChromium } from '../../transcript/print/chromium.js';
import { PdfPrinter } from '../../transcript/print/pdf-printer.js';
import { custodianCardHtml, transcriptHtml } from '../../transcript/print/print-html.js';

/** A printed document: PDF where Chromium is available, else the same view as a self-contained HTML file. */
export interface PrintedDocument {
  extension: 'pdf' | 'html';
  /** Secret for a card (it carries the share words): the caller zeroes it once written. */
  bytes: Uint8Array;
}

/**
 * What prints a ceremony's documents: the CLI's CeremonyPrinter (Chromium
 * through Playwright, or HTML without it), the app's ElectronPrinter
 * (main/electron/print.ts: Electron's own printToPDF). The runner closes it
 * when the run ends, finished or stopped.
 */
export interface DocumentPrinter {
  /** Whether documents come out as PDF (else HTML). */
  readonly available: boolean;
  /** What a person should know about how documents are printed, when it is not plain PDF. */
  readonly notice: string | undefined;
  /** One custodian card; the caller zeroes its bytes once written (they hold the share). */
  card(model: CustodianCardModel): Promise<PrintedDocument>;
  /** The printed transcript. */
  transcript(model: TranscriptPrintModel): Promise<PrintedDocument>;
  close(): Promise<void>;
}

/**
 * The ceremony's printer: one Chromium for the whole run (a transcript and
 * 255 cards share it), started on first use. Where no Chromium is installed,
 * the documents are written as HTML and `notice` says so (issue 5).
 */
export class CeremonyPrinter implements DocumentPrinter {
  private printer: Promise<PdfPrinter> | undefined;
  readonly available = findChromium() !== undefined;

  get notice(): string | undefined {
    return this.available ? undefined : 'No Chromium was found, so the printable documents were written as HTML files (open them in a browser to print). Install chromium to get PDFs.';
  }

  async card(model: CustodianCardModel): Promise<PrintedDocument> {
    if (!this.available) return { extension: 'html', bytes: new TextEncoder().encode(custodianCardHtml(model, { standalone: true })) };
    return { extension: 'pdf', bytes: await (await this.launch()).custodianCardPdf(model) };
  }

  async transcript(model: TranscriptPrintModel): Promise<PrintedDocument> {
    if (!this.available) return { extension: 'html', bytes: new TextEncoder().encode(transcriptHtml(model, { standalone: true })) };
    return { extension: 'pdf', bytes: await (await this.launch()).transcriptPdf(model) };
  }

  async close(): Promise<void> {
    const printer = this.printer;
    this.printer = undefined;
    if (printer) await (await printer).close();
  }

  private launch(): Promise<PdfPrinter> {
    this.printer ??= PdfPrinter.launch();
    return this.printer;
  }
}
