/**
 * Layout of a custodian card (custodian-card.tsx): one page on A4 and on US
 * Letter with a full share (38 words), the REHEARSAL banner and a name long
 * enough to wrap. The words are the part a custodian types at a recovery, so
 * they stay the largest text after the name. The QR image is 44 mm wide, the
 * code itself 36 mm inside its quiet zone (0.98 mm a module for version 5).
 */
import { ACCENT, FONT_MONO, INK, MUTED, RULE } from './print-base-styles.js';

export const CARD_CSS = `
.pr-card .pr-rehearsal-banner { margin: 0 0 8pt; }
.pr-card h1 { font-size: 22pt; margin: 2pt 0 3pt; }
.pr-card h2 { margin-top: 11pt; }
.pr-card .pr-membership { font-size: 11.5pt; }
.pr-card .pr-membership b { font-weight: 600; }
.pr-card .pr-keyvalues { margin-top: 6pt; border-bottom: 0.5pt solid #e4e7ea; }
.pr-card .pr-keyvalues th { width: 1%; white-space: nowrap; }
.pr-card .pr-keyvalues td + th { padding-left: 10mm; }
.pr-card .pr-keyvalues td:last-child { white-space: nowrap; }
.pr-word-note { color: ${MUTED}; font-size: 9pt; margin-bottom: 5pt; }
.pr-share { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3.5mm; align-items: start; }
.pr-word-groups { display: contents; }
.pr-word-group { list-style: none; border: 0.75pt solid ${RULE}; border-radius: 2pt; padding: 3pt 7pt 4pt; break-inside: avoid; }
.pr-word-group-title { font-size: 7pt; font-weight: 600; letter-spacing: 0.1em; text-transform: uppercase; color: ${MUTED}; margin-bottom: 2pt; }
.pr-word-group ol { margin: 0; padding: 0; list-style: none; }
.pr-word-group li { display: flex; align-items: baseline; gap: 5pt; line-height: 1.3; }
/* Numbers under about two thirds of the word's size are read by pdftotext (and by
   copy and paste) as a line apart from their word: 9pt beside 13.5pt keeps "1 drive" one line. */
.pr-word-no { font-family: ${FONT_MONO}; font-size: 9pt; color: ${MUTED}; min-width: 5.5mm; text-align: right; }
.pr-word { font-size: 13.5pt; font-weight: 600; color: ${INK}; letter-spacing: 0.02em; }
.pr-qr { grid-column: span 2; display: flex; gap: 3mm; align-items: flex-start; break-inside: avoid; }
.pr-qr img { display: block; flex: none; width: 44mm; height: 44mm; image-rendering: pixelated; }
.pr-qr-caption { font-size: 8.5pt; color: ${MUTED}; margin-top: 3mm; }
.pr-fingerprint { margin-top: 6pt; font-size: 8.5pt; color: ${MUTED}; }
/* Two groups a line: the column beside the QR code is too narrow for four at a size read aloud. */
.pr-fingerprint .pr-hex { display: block; max-width: 10ch; font-size: 12pt; line-height: 1.3; color: ${INK}; margin-top: 2pt; }
.pr-instructions { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 4pt; break-inside: avoid; }
.pr-instructions h3 { font-size: 10pt; color: ${ACCENT}; margin-bottom: 3pt; }
.pr-instructions p { font-size: 9pt; margin: 0; }
`;
