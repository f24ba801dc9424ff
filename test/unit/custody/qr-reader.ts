/**
 * A minimal QR code reader for tests, written from ISO/IEC 18004 apart from
 * the `qrcode` package that draws the card's code, so the test checks what a
 * scanner would read, not what the drawing code meant. It reads an undamaged
 * symbol only (no error correction), versions 1–6, byte mode: enough for a
 * share (version 5, level Q).
 */

/** The dark modules of qrcode's SVG: one stroked path of M/m moves and h runs, each row at y + 0.5. */
export function svgModules(svg: string): { size: number; dark: boolean[][] } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="[^"]*" d="([^"]*)"/.exec(svg);
  if (!viewBox || !path) throw new Error('not a qrcode SVG');
  const total = Number(viewBox[1]);
  const cells: boolean[][] = Array.from({ length: total }, () => new Array<boolean>(total).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of path[1]!.matchAll(/([MmhH])([^MmhH]*)/g)) {
    const n = args!.trim().split(/[\s,]+/).map(Number);
    if (cmd === 'M') [x, y] = [n[0]!, n[1]!];
    else if (cmd === 'm') [x, y] = [x + n[0]!, y + (n[1] ?? 0)];
    else {
      const end = cmd === 'h' ? x + n[0]! : n[0]!;
      for (let c = x; c < end; c++) cells[Math.floor(y)]![c] = true;
      x = end;
    }
  }
  // Strip the quiet zone: the symbol starts at the top-left finder's first dark module.
  const margin = cells.findIndex((row) => row.includes(true));
  const size = total - 2 * margin;
  return { size, dark: cells.slice(margin, margin + size).map((row) => row.slice(margin, margin + size)) };
}

const EC_LEVEL_BY_BITS = ['M', 'L', 'H', 'Q'] as const;
// Per version 1..6: error-correction codewords per block, and number of blocks (ISO 18004 Table 9).
const ECC_PER_BLOCK: Record<string, number[]> = { L: [7, 10, 15, 20, 26, 18], M: [10, 16, 26, 18, 24, 16], Q: [13, 22, 18, 26, 18, 24], H: [17, 28, 22, 16, 22, 28] };
const BLOCKS: Record<string, number[]> = { L: [1, 1, 1, 1, 1, 2], M: [1, 1, 1, 2, 2, 4], Q: [1, 1, 2, 2, 4, 4], H: [1, 1, 2, 4, 4, 4] };
const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** What the symbol says: its version, error-correction level, mask, and the bytes of its byte-mode segment. */
export function readQr(svg: string): { version: number; level: string; mask: number; bytes: Uint8Array } {
  const { size, dark } = svgModules(svg);
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 6) throw new Error(`unsupported QR size ${size}`);
  const at = (x: number, y: number) => dark[y]![x]!;
  // Format information, first copy (around the top-left finder), bit 0 first.
  const positions = [0, 1, 2, 3, 4, 5, 7, 8].map((y) => [8, y]).concat([[7, 8]], [5, 4, 3, 2, 1, 0].map((x) => [x, 8]));
  const read = positions.reduce((acc, [x, y], i) => acc | (at(x!, y!) ? 1 << i : 0), 0) ^ 0x5412;
  const format = nearestFormat(read);
  const level = EC_LEVEL_BY_BITS[format >> 3]!;
  const mask = format & 7;

  const fn = functionModules(size, version);
  const bits: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (!fn[y]![x]) bits.push(Number(at(x, y) !== MASKS[mask]!(x, y)));
      }
    }
  }
  const raw = Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((a, b) => (a << 1) | b, 0));
  const data = deinterleave(raw, version, level);
  const stream = data.flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((i) => (byte >> i) & 1));
  const take = (n: number, from: number) => stream.slice(from, from + n).reduce((a, b) => (a << 1) | b, 0);
  if (take(4, 0) !== 0b0100) throw new Error('the first segment is not byte mode');
  const count = take(8, 4);
  return { version, level, mask, bytes: Uint8Array.from({ length: count }, (_, i) => take(8, 12 + 8 * i)) };
}

function nearestFormat(read: number): number {
  // The 32 valid format words: 5 data bits and their BCH(15,5) remainder (generator 0x537).
  let best = 0;
  let bestDistance = 99;
  for (let data = 0; data < 32; data++) {
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    const word = (data << 10) | rem;
    const distance = [...(word ^ read).toString(2)].filter((b) => b === '1').length;
    if (distance < bestDistance) [best, bestDistance] = [data, distance];
  }
  return best;
}

function functionModules(size: number, version: number): boolean[][] {
  const fn = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (x0: number, y0: number, w: number, h: number) => {
    for (let y = Math.max(0, y0); y < Math.min(size, y0 + h); y++) for (let x = Math.max(0, x0); x < Math.min(size, x0 + w); x++) fn[y]![x] = true;
  };
  mark(0, 0, 9, 9); // finder, separator and format information, top left
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(6, 0, 1, size); // timing
  mark(0, 6, size, 1);
  // Versions 2–6 have one alignment pattern, centred 7 modules from the bottom-right corner.
  if (version >= 2) mark(size - 9, size - 9, 5, 5);
  return fn;
}

function deinterleave(raw: number[], version: number, level: string): number[] {
  const blocks = BLOCKS[level]![version - 1]!;
  const ecc = ECC_PER_BLOCK[level]![version - 1]!;
  const shortLength = Math.floor(raw.length / blocks);
  const shortBlocks = blocks - (raw.length % blocks);
  const dataLength = (j: number) => shortLength - ecc + (j < shortBlocks ? 0 : 1);
  const out: number[][] = Array.from({ length: blocks }, () => []);
  let k = 0;
  for (let i = 0; i < shortLength - ecc + 1; i++) {
    for (let j = 0; j < blocks; j++) if (i < dataLength(j)) out[j]!.push(raw[k++]!);
  }
  return out.flat();
}
