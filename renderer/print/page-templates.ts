/**
 * The running header and footer of every printed page, as Chromium's
 * headerTemplate/footerTemplate take them (page.pdf in the CLI, printToPDF in
 * Electron): elements with the classes pageNumber and totalPages are filled in
 * by the browser. The templates are separate documents with no access to the
 * page's styles, so they carry their own inline styles, and every value is
 * escaped here because they are built as strings, not by React.
 */
import { hashPrefix } from './hex-groups.js';
import { FONT_MONO, FONT_SANS, MUTED, PAGE_MARGINS_MM, WARNING } from './print-base-styles.js';
import type { CustodianCardModel, TranscriptPrintModel } from './print-models.js';

/** A header and a footer template for one document. */
export interface PageDecorations {
  headerTemplate: string;
  footerTemplate: string;
}

/** Escapes text for the inside of an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PAGE_OF = '<span style="white-space:nowrap">page <span class="pageNumber"></span> of <span class="totalPages"></span></span>';

function band(left: string, right: string): string {
  // Chromium renders templates at a tiny default size: every size is explicit.
  return (
    `<div style="width:100%;box-sizing:border-box;padding:0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm;` +
    `display:flex;justify-content:space-between;align-items:baseline;gap:6mm;font-family:${escapeHtml(FONT_SANS)};` +
    `font-size:7.5pt;color:${MUTED};-webkit-print-color-adjust:exact">` +
    `<span>${left}</span><span>${right}</span></div>`
  );
}

function rehearsalWord(rehearsal: boolean): string {
  return rehearsal ? `<b style="color:${WARNING};letter-spacing:0.08em">REHEARSAL — not valid for production</b>` : '';
}

/**
 * Header: what the document is and its ceremony, REHEARSAL on the right when
 * it is one. Footer: the first 16 hex of the transcript's SHA-256 (as
 * `sha256sum transcript.jsonl` prints it, ungrouped, to compare digit for
 * digit) and "page n of m".
 */
export function transcriptPageDecorations(model: TranscriptPrintModel): PageDecorations {
  return {
    headerTemplate: band(`Ceremony transcript · ${escapeHtml(model.ceremonyId)}`, rehearsalWord(model.rehearsal)),
    footerTemplate: band(
      `Transcript SHA-256 <span style="font-family:${escapeHtml(FONT_MONO)}">${escapeHtml(hashPrefix(model.transcriptSha256))}</span>…`,
      PAGE_OF,
    ),
  };
}

/** Header: SECRET, the ceremony, REHEARSAL when it is one. Footer: whose card it is and "page n of m". */
export function custodianCardPageDecorations(model: CustodianCardModel): PageDecorations {
  return {
    headerTemplate: band(
      `<b style="letter-spacing:0.08em">SECRET</b> · custodian card · ${escapeHtml(model.ceremonyId)}`,
      rehearsalWord(model.rehearsal),
    ),
    footerTemplate: band(
      `${escapeHtml(model.custodianName)} · member ${model.memberIndex} of ${model.memberCount} · ` +
        `share fingerprint <span style="font-family:${escapeHtml(FONT_MONO)}">${escapeHtml(model.shareFingerprint)}</span>`,
      PAGE_OF,
    ),
  };
}
