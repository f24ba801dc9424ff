/** Layout of the printed transcript (transcript-document.tsx). */
import { ACCENT, MUTED, RULE, WARNING } from './print-base-styles.js';

export const TRANSCRIPT_CSS = `
.pr-transcript h1 { font-size: 19pt; margin-bottom: 2pt; }
.pr-transcript .pr-subtitle { font-size: 11.5pt; color: ${MUTED}; }
.pr-transcript .pr-how-to-check { font-size: 8.5pt; color: ${MUTED}; margin-top: 8pt; }
.pr-people { border-collapse: collapse; width: 100%; }
.pr-people th { text-align: left; font-size: 8pt; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase;
  color: ${MUTED}; padding: 0 8pt 3pt 0; border-bottom: 0.75pt solid ${RULE}; }
.pr-people td { padding: 3pt 8pt 3pt 0; border-bottom: 0.5pt solid #e4e7ea; }
.pr-people td:first-child { width: 50%; font-weight: 600; }
.pr-people td + td { text-transform: capitalize; }
.pr-events { border-collapse: collapse; width: 100%; font-size: 9pt; }
.pr-events thead th { text-align: left; font-size: 7.5pt; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase;
  color: ${MUTED}; padding: 0 6pt 3pt 0; border-bottom: 0.75pt solid ${RULE}; }
.pr-events tbody tr { break-inside: avoid; }
.pr-events td { vertical-align: top; padding: 5pt 6pt 5pt 0; border-bottom: 0.5pt solid #e4e7ea; }
.pr-events .pr-seq { width: 9mm; text-align: right; padding-right: 8pt; color: ${MUTED}; }
.pr-events .pr-when { width: 19mm; white-space: nowrap; }
.pr-events .pr-when .pr-date { display: block; font-size: 7.5pt; color: ${MUTED}; }
.pr-event-summary { font-weight: 600; color: #10151a; }
.pr-facts { display: grid; grid-template-columns: 34mm 1fr; column-gap: 8pt; row-gap: 1pt; margin: 2pt 0 0; }
.pr-facts dt { color: ${MUTED}; }
.pr-facts dd { margin: 0; }
.pr-event-meta { font-size: 7.5pt; color: ${MUTED}; margin-top: 2pt; }
.pr-event-meta .pr-hex { font-size: 6.8pt; }
.pr-event-hash { display: block; }
.pr-events tr.pr-deviation td { background: #fbf3ee; }
.pr-events tr.pr-deviation td:first-child { box-shadow: inset 2pt 0 0 ${WARNING}; }
.pr-deviation-tag { display: inline-block; font-size: 7pt; font-weight: 700; letter-spacing: 0.08em; color: ${WARNING};
  border: 0.75pt solid ${WARNING}; padding: 0 3pt; margin-right: 4pt; vertical-align: 1pt; }
.pr-deviations { margin: 0; padding-left: 0; list-style: none; }
.pr-deviations li { break-inside: avoid; border-left: 2pt solid ${WARNING}; padding: 3pt 0 3pt 8pt; margin-bottom: 6pt; }
.pr-signatures-intro { break-after: avoid; }
.pr-signature-list { margin-top: 4mm; }
.pr-signature { display: flex; align-items: flex-end; gap: 8mm; break-inside: avoid; padding: 9mm 0 2mm; }
.pr-signer-cell { width: 50mm; flex: none; }
.pr-sign-cell { flex: 1; }
.pr-date-cell { width: 38mm; flex: none; }
.pr-signer { font-weight: 600; font-size: 10.5pt; }
.pr-signer-role { color: ${MUTED}; text-transform: capitalize; font-size: 9pt; }
.pr-sign-line { border-bottom: 0.75pt solid ${ACCENT}; height: 10mm; }
.pr-sign-caption { font-size: 7.5pt; color: ${MUTED}; margin-top: 2pt; }
`;
