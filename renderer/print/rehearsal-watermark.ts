/**
 * The word REHEARSAL drawn as strokes, not set as text: a watermark made of
 * letters would be read by pdftotext and copy-paste, scattered through the
 * page's real text. The textual marking is the banner and the page header.
 * Letters on a 10 × 14 grid, one stroke width, square ends.
 */
const LETTERS: Readonly<Record<string, string>> = {
  R: 'M0 14V0H5.5A3.75 3.75 0 0 1 5.5 7.5H0M5 7.5L10 14',
  E: 'M10 0H0V14H10M0 7H8',
  H: 'M0 0V14M10 0V14M0 7H10',
  A: 'M0 14L5 0L10 14M1.9 8.7H8.1',
  S: 'M9.4 2A4.6 3.5 0 0 0 5 0A4.6 3.5 0 0 0 5 7A4.8 3.5 0 0 1 5 14A4.8 3.5 0 0 1 0.4 12',
  L: 'M0 0V14H10',
};

const ADVANCE = 15;

function wordPath(word: string): string {
  return [...word].map((letter, i) => `<path transform="translate(${i * ADVANCE} 0)" d="${LETTERS[letter] ?? ''}"/>`).join('');
}

const WORD = 'REHEARSAL';
const WIDTH = WORD.length * ADVANCE - 5;

/** SVG of the stroked word, padded by the stroke so no edge is clipped. */
export const REHEARSAL_WATERMARK_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${WIDTH + 4} 18">` +
  `<g fill="none" stroke="#9a3412" stroke-opacity="0.09" stroke-width="2.2" stroke-linecap="square" stroke-linejoin="miter">` +
  `${wordPath(WORD)}</g></svg>`;

/** The watermark as a data: URI for an <img> (allowed by the documents' CSP: img-src data:). */
export const REHEARSAL_WATERMARK_URI = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(REHEARSAL_WATERMARK_SVG)}`;
