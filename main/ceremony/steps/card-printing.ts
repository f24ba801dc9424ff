import type { CustodianCardModel } from '../../../renderer/print/print-models.js';
import type { DocumentPrinter } from '../runner/ceremony-printer.js';

/** A printer that also sends a card to paper through the system print dialog (the app's ElectronPrinter). */
interface PaperCardPrinter {
  printCustodianCard(model: CustodianCardModel): Promise<void>;
}

/**
 * How this run sends a custodian card to paper, or undefined where it cannot
 * (the CLI and a Chromium-only run make PDF or HTML files, not paper). Only
 * the app's printer can: main/electron/print.ts.
 */
export function paperCardPrinter(printer: DocumentPrinter): ((model: CustodianCardModel) => Promise<void>) | undefined {
  const candidate = printer as DocumentPrinter & Partial<PaperCardPrinter>;
  if (typeof candidate.printCustodianCard !== 'function') return undefined;
  return (model) => candidate.printCustodianCard!(model);
}
