/**
 * Typography shared by every printed document. Everything is scoped under
 * .pr-doc so the app's on-screen preview can show a document without its
 * styles leaking into the wizard, or the wizard's into the document.
 * Sizes are in points: the page is paper first, a screen second.
 */

/** Page margins in millimetres; the CLI's Chromium and Electron's printToPDF use the same. */
export const PAGE_MARGINS_MM = { top: 20, right: 18, bottom: 20, left: 18 } as const;

export const FONT_SANS = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
// A monospace whose 0/O and 1/l differ: hex is read aloud from it.
export const FONT_MONO = '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace';

export const INK = '#1d2228';
export const MUTED = '#5a6470';
export const RULE = '#c9ced4';
export const ACCENT = '#24405e';
export const WARNING = '#9a3412';

export const BASE_CSS = `
.pr-doc { font-family: ${FONT_SANS}; font-size: 10pt; line-height: 1.45; color: ${INK};
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.pr-doc * { box-sizing: border-box; }
.pr-doc h1, .pr-doc h2, .pr-doc h3 { margin: 0; font-weight: 600; line-height: 1.2; }
.pr-doc h2 { font-size: 13pt; color: ${ACCENT}; margin: 18pt 0 6pt; padding-bottom: 3pt;
  border-bottom: 0.75pt solid ${RULE}; break-after: avoid; }
.pr-doc p { margin: 0 0 6pt; }
.pr-eyebrow { font-size: 8pt; letter-spacing: 0.09em; text-transform: uppercase; color: ${MUTED}; margin-bottom: 4pt; }
.pr-hex, .pr-mono { font-family: ${FONT_MONO}; font-size: 0.92em; letter-spacing: 0.01em; word-spacing: 0.1em; }
.pr-hex { overflow-wrap: anywhere; }
.pr-hex-lines { display: inline-block; vertical-align: top; }
.pr-hex-line { display: block; white-space: nowrap; }
.pr-muted { color: ${MUTED}; }
.pr-rehearsal-banner { border: 1.5pt solid ${WARNING}; color: ${WARNING}; font-weight: 700; letter-spacing: 0.06em;
  padding: 5pt 8pt; margin: 10pt 0; text-align: center; font-size: 10.5pt; }
.pr-watermark { display: none; }
.pr-keyvalues { border-collapse: collapse; width: 100%; margin-top: 10pt; }
.pr-keyvalues th { text-align: left; font-weight: 400; color: ${MUTED}; width: 38mm; padding: 3pt 8pt 3pt 0; vertical-align: top; }
.pr-keyvalues td { padding: 3pt 0; vertical-align: top; }
.pr-keyvalues tr + tr th, .pr-keyvalues tr + tr td { border-top: 0.5pt solid #e4e7ea; }
@media screen {
  .pr-doc { max-width: 190mm; margin: 0 auto; padding: 16mm 18mm; background: #fff; }
}
@media print {
  .pr-doc { margin: 0; padding: 0; }
  /* position: fixed repeats on every printed page, so each page carries the mark. */
  .pr-watermark { display: block; position: fixed; left: 0; right: 0; top: 38%; text-align: center;
    transform: rotate(-30deg); pointer-events: none; z-index: -1; }
  .pr-watermark img { width: 150mm; }
}
`;
