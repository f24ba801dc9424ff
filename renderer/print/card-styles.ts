/** Layout of a custodian card (custodian-card.tsx): one page on A4 and on US Letter. */
import { ACCENT, FONT_MONO, INK, MUTED, RULE } from './print-base-styles.js';

export const CARD_CSS = `
.pr-card h1 { font-size: 22pt; margin: 2pt 0 3pt; }
.pr-card .pr-membership { font-size: 11.5pt; }
.pr-card .pr-membership b { font-weight: 600; }
.pr-card .pr-keyvalues { margin-top: 8pt; }
.pr-card .pr-keyvalues th { width: 34mm; }
.pr-share { display: flex; gap: 8mm; align-items: flex-start; margin-top: 4pt; }
.pr-words { flex: 1; }
.pr-word-note { color: ${MUTED}; font-size: 9pt; margin-bottom: 6pt; }
.pr-word-groups { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm 4mm; margin: 0; padding: 0; list-style: none; }
.pr-word-group { border: 0.75pt solid ${RULE}; border-radius: 2pt; padding: 4pt 6pt 5pt; break-inside: avoid; }
.pr-word-group-title { font-size: 7pt; font-weight: 600; letter-spacing: 0.1em; text-transform: uppercase; color: ${MUTED}; margin-bottom: 2pt; }
.pr-word-group ol { margin: 0; padding: 0; list-style: none; }
.pr-word-group li { display: flex; align-items: baseline; gap: 5pt; line-height: 1.6; }
.pr-word-no { font-family: ${FONT_MONO}; font-size: 8pt; color: ${MUTED}; min-width: 5.5mm; text-align: right; }
.pr-word { font-size: 12.5pt; font-weight: 600; color: ${INK}; letter-spacing: 0.02em; }
.pr-qr { width: 50mm; flex: none; text-align: center; }
.pr-qr img { display: block; width: 50mm; height: 50mm; image-rendering: pixelated; }
.pr-qr-caption { font-size: 8pt; color: ${MUTED}; margin-top: 3pt; }
.pr-fingerprint { margin-top: 8pt; font-size: 8.5pt; color: ${MUTED}; }
.pr-fingerprint .pr-hex { display: block; font-size: 11pt; color: ${INK}; margin-top: 1pt; }
.pr-instructions { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 4pt; break-inside: avoid; }
.pr-instructions h3 { font-size: 10pt; color: ${ACCENT}; margin-bottom: 3pt; }
.pr-instructions p { font-size: 9pt; margin: 0; }
`;
