import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CustodianCard } from '../../../renderer/print/custodian-card.js';
import { hashPrefix } from '../../../renderer/print/hex-groups.js';
import { PAGE_MARGINS_MM } from '../../../renderer/print/print-base-styles.js';
import type { CustodianCardModel, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { escapeHtml } from '../../../renderer/print/page-templates.js';
import { TranscriptDocument } from '../../../renderer/print/transcript-document.js';

/** How a document's HTML will be used. */
export interface HtmlOptions {
  /**
   * True for an HTML file a person opens and prints from any browser (the
   * fallback when there is no Chromium): the page header and footer are then
   * CSS page-margin boxes. False when Chromium prints it with its own
   * header and footer templates, which must not be doubled.
   */
  standalone: boolean;
}

// Self-contained: nothing may be fetched, nothing may run (a card holds a secret).
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The printed transcript as a complete HTML document. */
export function transcriptHtml(model: TranscriptPrintModel, options: HtmlOptions = { standalone: false }): string {
  const margins = options.standalone
    ? pageMarginBoxes(
        `Ceremony transcript · ${model.ceremonyId}`,
        model.rehearsal,
        `Transcript SHA-256 ${hashPrefix(model.transcriptSha256)}…`,
      )
    : '';
  return htmlDocument(`${model.title} — transcript ${model.ceremonyId}`, createElement(TranscriptDocument, { model }), margins);
}

/** One custodian card as a complete HTML document. Secret: it holds the share words. */
export function custodianCardHtml(model: CustodianCardModel, options: HtmlOptions = { standalone: false }): string {
  const margins = options.standalone
    ? pageMarginBoxes(
        `SECRET · custodian card · ${model.ceremonyId}`,
        model.rehearsal,
        `${model.custodianName} · member ${model.memberIndex} of ${model.memberCount} · share fingerprint ${model.shareFingerprint}`,
      )
    : '';
  return htmlDocument(`Custodian card — ${model.custodianName} — ${model.ceremonyId}`, createElement(CustodianCard, { model }), margins);
}

function htmlDocument(title: string, body: ReactElement, extraCss: string): string {
  const m = PAGE_MARGINS_MM;
  const pageCss = `@page { margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }\nhtml { background: #fff; }\nbody { margin: 0; }${extraCss}`;
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<title>${escapeHtml(title)}</title><style>${pageCss}</style></head>` +
    `<body>${renderToStaticMarkup(body)}</body></html>\n`
  );
}

// The same header and footer as Chromium's templates, in CSS paged media
// (Chromium 131+, Firefox; a browser without margin boxes simply omits them).
function pageMarginBoxes(headerLeft: string, rehearsal: boolean, footerLeft: string): string {
  const box = 'font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #5a6470;';
  const rehearsalBox = rehearsal
    ? `@top-right { content: "REHEARSAL — not valid for production"; ${box} color: #9a3412; font-weight: 700; }`
    : '';
  return (
    `\n@page { @top-left { content: ${cssString(headerLeft)}; ${box} } ${rehearsalBox}` +
    ` @bottom-left { content: ${cssString(footerLeft)}; ${box} }` +
    ` @bottom-right { content: "page " counter(page) " of " counter(pages); ${box} } }`
  );
}

// A CSS string that cannot end the string, nor the <style> element around it.
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
