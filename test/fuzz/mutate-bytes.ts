import type { Random } from './seeded-random.js';

type ByteMutation = (input: Uint8Array, random: Random, donor: Uint8Array) => Uint8Array;

/** Bytes a parser's length and tag handling meets at its edges (DER lengths, sign bits, NUL). */
const EDGE_BYTES = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x88, 0xfe, 0xff];

const at = (input: Uint8Array, random: Random) => random.int(Math.max(1, input.length));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/**
 * The damage a file meets in transit, on a bad stick, or from someone
 * crafting it: flipped bits, edge values, cuts, insertions, repeats, and
 * splices from another valid input of the same kind (the donor).
 */
export const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  'flip a bit': (input, r) => {
    const out = Uint8Array.from(input);
    if (out.length) out[at(out, r)]! ^= 1 << r.int(8);
    return out;
  },
  'replace a byte': (input, r) => {
    const out = Uint8Array.from(input);
    if (out.length) out[at(out, r)] = r.int(256);
    return out;
  },
  'set an edge byte': (input, r) => {
    const out = Uint8Array.from(input);
    if (out.length) out[at(out, r)] = r.pick(EDGE_BYTES);
    return out;
  },
  truncate: (input, r) => input.slice(0, at(input, r)),
  'insert bytes': (input, r) => {
    const i = at(input, r);
    return concat(input.subarray(0, i), r.bytes(1 + r.int(16)), input.subarray(i));
  },
  'delete bytes': (input, r) => {
    const i = at(input, r);
    return concat(input.subarray(0, i), input.subarray(Math.min(input.length, i + 1 + r.int(16))));
  },
  'repeat a slice': (input, r) => {
    const i = at(input, r);
    const j = Math.min(input.length, i + 1 + r.int(64));
    return concat(input.subarray(0, j), input.subarray(i, j), input.subarray(j));
  },
  'splice from another input': (input, r, donor) => {
    const i = at(input, r);
    const d = at(donor, r);
    return concat(input.subarray(0, i), donor.subarray(d, Math.min(donor.length, d + 1 + r.int(128))), input.subarray(Math.min(input.length, i + r.int(128))));
  },
  'append garbage': (input, r) => concat(input, r.bytes(1 + r.int(32))),
};

/** One to four byte mutations in a row, named for the report. */
export function mutateBytes(input: Uint8Array, random: Random, donor: Uint8Array = input): { bytes: Uint8Array; how: string[] } {
  const names = Object.keys(BYTE_MUTATIONS);
  const how: string[] = [];
  let bytes = input;
  for (let n = 1 + (random.chance(0.3) ? random.int(4) : 0); n > 0; n--) {
    const name = random.pick(names);
    how.push(name);
    bytes = BYTE_MUTATIONS[name]!(bytes, random, donor);
  }
  return { bytes, how };
}
