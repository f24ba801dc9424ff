import { BrowserWindow, type WebContents } from 'electron';
import { custodianCardPageDecorations, transcriptPageDecorations, type PageDecorations } from '../../renderer/print/page-templates.js';
import { PAGE_MARGINS_MM } from '../../renderer/print/print-base-styles.js';
import type { CustodianCardModel, PaperSize, TranscriptPrintModel } from '../../renderer/print/print-models.js';
import type { DocumentPrinter, PrintedDocument } from '../ceremony/runner/ceremony-printer.js';
import { custodianCardHtml, transcriptHtml } from '../transcript/print/print-html.js';
import type { PrintDocuments } from './app-protocol.js';
import { printWindowOptions } from './window-options.js';

/** Why printing did not happen. */
export class ElectronPrintError extends Error {
  override readonly name = 'ElectronPrintError';

  constructor(
    readonly code: 'print.cancelled' | 'print.failed',
    message: string,
  ) {
    super(message);
  }
}

const MM_PER_INCH = 25.4;

/**
 * The app's printer: the same print views the CLI renders (main/transcript/print/
 * print-html.ts, from renderer/print/), here turned into PDF bytes by
 * Electron's printToPDF or sent to a printer by webContents.print. Each view
 * is loaded into its own hidden, sandboxed window with JavaScript off and
 * content protection on (a card holds a share), served once from
 * app://conclave/print/. `transcript` and `card` answer as the runner's
 * CeremonyPrinter does (main/ceremony/runner/ceremony-printer.ts), with PDFs
 * always: the app carries its own Chromium.
 */
export class ElectronPrinter implements DocumentPrinter {
  /** Electron prints by itself: PDFs are always available. */
  readonly available = true;
  readonly notice = undefined;

  constructor(
    private readonly documents: PrintDocuments,
    private readonly paper: PaperSize = 'A4',
  ) {}

  /** The printed transcript as a PDF. @throws ElectronPrintError print.failed */
  async transcript(model: TranscriptPrintModel): Promise<PrintedDocument> {
    return { extension: 'pdf', bytes: await this.withView(transcriptHtml(model), (contents) => toPdf(contents, transcriptPageDecorations(model), this.paper)) };
  }

  /** One custodian card as a PDF; the caller zeroes the bytes once written (they hold the share). @throws ElectronPrintError print.failed */
  async card(model: CustodianCardModel): Promise<PrintedDocument> {
    return { extension: 'pdf', bytes: await this.withView(custodianCardHtml(model), (contents) => toPdf(contents, custodianCardPageDecorations(model), this.paper)) };
  }

  /** Nothing to stop: each document's window is closed as soon as it is printed. */
  async close(): Promise<void> {}

  /** Sends the transcript to a printer the administrator chooses in the system dialog. @throws ElectronPrintError */
  printTranscript(model: TranscriptPrintModel): Promise<void> {
    return this.withView(transcriptHtml(model, { standalone: true }), (contents) => toPrinter(contents, this.paper));
  }

  /** Sends a custodian card to a printer the administrator chooses. @throws ElectronPrintError */
  printCustodianCard(model: CustodianCardModel): Promise<void> {
    return this.withView(custodianCardHtml(model, { standalone: true }), (contents) => toPrinter(contents, this.paper));
  }

  private async withView<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
    // electronegativity: the options come from window-options.ts (contextIsolation and sandbox true, Auxclick disabled,
    // no JavaScript), which test/unit/electron/window-options.test.ts asserts; the scanner cannot follow a function call.
    const window = new BrowserWindow(printWindowOptions()); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    window.setContentProtection(true);
    const url = this.documents.add(html);
    try {
      await window.loadURL(url);
      return await use(window.webContents);
    } catch (error) {
      if (error instanceof ElectronPrintError) throw error;
      throw new ElectronPrintError('print.failed', `The document could not be printed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.documents.discard(url);
      window.destroy();
    }
  }
}

async function toPdf(contents: WebContents, decorations: PageDecorations, paper: PaperSize): Promise<Uint8Array> {
  const m = PAGE_MARGINS_MM;
  // printToPDF takes margins in inches, like Chromium's DevTools protocol.
  const pdf = await contents.printToPDF({
    pageSize: paper,
    printBackground: true,
    displayHeaderFooter: true,
    ...decorations,
    margins: { top: m.top / MM_PER_INCH, bottom: m.bottom / MM_PER_INCH, left: m.left / MM_PER_INCH, right: m.right / MM_PER_INCH },
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

function toPrinter(contents: WebContents, paper: PaperSize): Promise<void> {
  return new Promise((resolve, reject) => {
    // silent: false — the administrator picks the printer and sees what goes out.
    contents.print({ silent: false, printBackground: true, pageSize: paper }, (success, failureReason) => {
      if (success) resolve();
      else if (failureReason === 'cancelled') reject(new ElectronPrintError('print.cancelled', 'Printing was cancelled. Print again when the printer is ready.'));
      else reject(new ElectronPrintError('print.failed', `The printer did not print: ${failureReason}. Check it is on and has paper, then print again.`));
    });
  });
}
