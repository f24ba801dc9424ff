import { createRequire } from 'node:module';
import type * as PlaywrightCore from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { custodianCardPageDecorations, transcriptPageDecorations, type PageDecorations } from '../../../renderer/print/page-templates.js';
import { PAGE_MARGINS_MM } from '../../../renderer/print/print-base-styles.js';
import type { CustodianCardModel, PaperSize, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { CHROMIUM_ARGS, chromiumCandidates, findChromium } from './chromium.js';
import { PrintError } from './print-error.js';
import { custodianCardHtml, transcriptHtml } from './print-html.js';

/** Page options of one print. */
export interface PaperOptions {
  /** A4 unless said otherwise. */
  paper?: PaperSize;
}

/**
 * One headless Chromium that turns the print views into PDFs. Launch one per
 * batch (a transcript and 255 cards share one browser), close it at the end.
 * Documents are printed one at a time on a single page whose context has
 * JavaScript off, is offline and refuses every request: the views need
 * nothing from outside, and a card holds a secret. One page for the batch,
 * not one per document: opening a page costs a renderer process (seconds on
 * a busy ceremony laptop), loading a document into it costs milliseconds.
 */
export class PdfPrinter {
  private page: Promise<Page> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly browser: Browser) {}

  /**
   * Starts Chromium (found by findChromium unless a path is given).
   * @throws PrintError CHROMIUM_NOT_FOUND when there is none, CHROMIUM_FAILED when it does not start.
   */
  static async launch(options: { executablePath?: string } = {}): Promise<PdfPrinter> {
    const candidates = chromiumCandidates();
    const executablePath = options.executablePath ?? findChromium(candidates);
    if (!executablePath) {
      throw new PrintError('CHROMIUM_NOT_FOUND', `No Chromium found (looked for ${candidates.join(', ')}). Install it (apt-get install chromium) or set CONCLAVE_CHROMIUM.`);
    }
    // Loaded here, not at the top: playwright-core takes most of a second to
    // import, and a run that prints nothing (no Chromium, HTML documents, the
    // CLI's other commands) should not pay for it. Required, not import()ed:
    // it is CommonJS, and the CLI's compiled form (main/cli/compiled-cli.js)
    // runs as a script, where import() needs an experimental flag in Node 20.
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof PlaywrightCore;
    try {
      return new PdfPrinter(await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] }));
    } catch (error) {
      throw new PrintError('CHROMIUM_FAILED', `Chromium at ${executablePath} did not start: ${firstLine(error)}`, { cause: error });
    }
  }

  /** The printed transcript as PDF bytes. @throws PrintError CHROMIUM_FAILED */
  transcriptPdf(model: TranscriptPrintModel, options: PaperOptions = {}): Promise<Uint8Array> {
    return this.print(transcriptHtml(model), transcriptPageDecorations(model), options.paper ?? 'A4');
  }

  /**
   * One custodian card as PDF bytes. The caller zeroes them once written or
   * printed: they hold the share words. @throws PrintError CHROMIUM_FAILED
   */
  custodianCardPdf(model: CustodianCardModel, options: PaperOptions = {}): Promise<Uint8Array> {
    return this.print(custodianCardHtml(model), custodianCardPageDecorations(model), options.paper ?? 'A4');
  }

  /** Stops Chromium. Safe to call more than once. */
  async close(): Promise<void> {
    await this.browser.close();
  }

  private print(html: string, decorations: PageDecorations, paper: PaperSize): Promise<Uint8Array> {
    // One document at a time on the one page, whatever the caller awaits.
    const printed = this.queue.then(() => this.printNow(html, decorations, paper));
    this.queue = printed.catch(() => undefined);
    return printed;
  }

  private async printNow(html: string, decorations: PageDecorations, paper: PaperSize): Promise<Uint8Array> {
    try {
      const page = await (this.page ??= this.openPage());
      await page.setContent(html, { waitUntil: 'load' });
      const m = PAGE_MARGINS_MM;
      const pdf = await page.pdf({
        format: paper,
        printBackground: true,
        displayHeaderFooter: true,
        ...decorations,
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
      });
      // Leave no document in the page between prints: a card's words go with it.
      await page.setContent('');
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      throw new PrintError('CHROMIUM_FAILED', `Chromium could not print the document: ${firstLine(error)}`, { cause: error });
    }
  }

  private async openPage(): Promise<Page> {
    const context = await this.browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    return context.newPage();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
