import type { CustodianCardModel, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { custodianCardHtml, transcriptHtml } from './print-html.js';
import { writeNewFile } from './write-new-file.js';

/**
 * The documents as self-contained HTML files, for a machine with no Chromium
 * (issue 5): the same views, with the page header and footer as CSS page
 * boxes, to open in any browser and print.
 */

/** `transcript.pdf` → `transcript.html`: where the HTML stand-in of a PDF goes. */
export function htmlPathFor(pdfPath: string): string {
  return pdfPath.toLowerCase().endsWith('.pdf') ? `${pdfPath.slice(0, -4)}.html` : `${pdfPath}.html`;
}

/**
 * Writes the printed transcript as one HTML file.
 * @throws PrintError PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED
 */
export async function writeTranscriptHtml(model: TranscriptPrintModel, outPath: string): Promise<void> {
  await writeNewFile(outPath, new TextEncoder().encode(transcriptHtml(model, { standalone: true })));
}

/**
 * Writes one custodian card as an HTML file, then wipes its bytes from memory.
 * @throws PrintError PRINT_OUTPUT_EXISTS, PRINT_WRITE_FAILED
 */
export async function writeCustodianCardHtml(model: CustodianCardModel, outPath: string): Promise<void> {
  const bytes = new TextEncoder().encode(custodianCardHtml(model, { standalone: true }));
  try {
    await writeNewFile(outPath, bytes);
  } finally {
    bytes.fill(0);
  }
}
