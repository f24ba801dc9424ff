/**
 * Reads a PDF the way a person or an auditor's script would, with poppler's
 * pdfinfo / pdftotext / pdftoppm: page count and size, the text of a page,
 * where each word sits, and page 1 as a PNG kept as a test artifact.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the PNGs of page 1 are kept (test-results/ is ignored by git). */
export const ARTIFACTS = resolve('test-results', 'print');

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Number of pages, from pdfinfo. */
export function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
}

/** Size of page 1 in points (A4 ≈ 595 × 842, Letter 612 × 792). */
export function pageSize(pdf: string): { width: number; height: number } {
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(run('pdfinfo', [pdf]));
  return { width: Math.round(Number(m?.[1])), height: Math.round(Number(m?.[2])) };
}

/** The text of the whole document, or of one page, white space collapsed to single spaces. */
export function pdfText(pdf: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', [...range, pdf, '-']).replace(/\s+/g, ' ').trim();
}

/** Every word with its box, in points from the page's top-left corner. */
export function wordBoxes(pdf: string): { page: number; width: number; text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const words: ReturnType<typeof wordBoxes> = [];
  let page = 0;
  let width = 0;
  for (const line of run('pdftotext', ['-bbox', pdf, '-']).split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      width = Number(p[1]);
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, width, text: w[5] ?? '', xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) });
  }
  return words;
}

/** Renders page 1 at 60 dpi to test-results/print/<name>.png and returns its path. */
export function savePageOnePng(pdf: string, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const stem = join(ARTIFACTS, name);
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
  return `${stem}.png`;
}
