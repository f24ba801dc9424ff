import { PkiError, type PkiErrorCode } from './pki-error.js';

/**
 * Checks that bytes are one DER value and nothing else (X.690 §10, which
 * RFC 5280 §4.1 and RFC 2986 §4 require for what is signed). asn1js reads BER
 * and forgives indefinite lengths, non-minimal lengths and integers, odd
 * booleans and trailing bytes; a strict reader refuses them, so two parties
 * can never see different meanings in the same bytes.
 */

const MAX_DEPTH = 32;

interface Cursor {
  bytes: Uint8Array;
  what: string;
  code: PkiErrorCode;
}

/**
 * @throws PkiError with the given code, naming the first problem and its byte offset.
 */
export function assertStrictDer(bytes: Uint8Array, what: string, code: PkiErrorCode): void {
  const cursor = { bytes, what, code };
  if (bytes.length === 0) fail(cursor, 0, 'it is empty');
  const end = readValue(cursor, 0, bytes.length, 0);
  if (end !== bytes.length) fail(cursor, end, `${bytes.length - end} extra byte(s) follow the value`);
}

function fail(c: Cursor, offset: number, reason: string): never {
  throw new PkiError(c.code, `The ${c.what} is not valid DER: ${reason} (at byte ${offset}).`);
}

/** Reads one TLV starting at `start`, within `limit`; returns the offset after it. */
function readValue(c: Cursor, start: number, limit: number, depth: number): number {
  if (depth > MAX_DEPTH) fail(c, start, `nesting deeper than ${MAX_DEPTH} levels`);
  const { bytes } = c;
  if (start >= limit) fail(c, start, 'the data ends where a value should start');
  const identifier = bytes[start]!;
  const tagClass = identifier >> 6;
  const constructed = (identifier & 0x20) !== 0;
  const tag = identifier & 0x1f;
  if (tag === 0x1f) fail(c, start, 'a multi-byte tag, which X.509 never uses');
  const { length, contentStart } = readLength(c, start + 1, limit);
  const contentEnd = contentStart + length;
  if (contentEnd > limit) fail(c, start, `a length of ${length} runs past the end of the data`);
  if (tagClass === 0 && constructed !== (tag === 16 || tag === 17)) {
    fail(c, start, constructed ? `a constructed form of universal type ${tag}, which DER forbids` : `a primitive SEQUENCE or SET`);
  }
  if (constructed) {
    const children: Array<[number, number]> = [];
    let offset = contentStart;
    while (offset < contentEnd) {
      const next = readValue(c, offset, contentEnd, depth + 1);
      children.push([offset, next]);
      offset = next;
    }
    if (tagClass === 0 && tag === 17) checkSetOrder(c, children);
  } else if (tagClass === 0) {
    checkPrimitive(c, tag, start, bytes.subarray(contentStart, contentEnd));
  }
  return contentEnd;
}

function readLength(c: Cursor, offset: number, limit: number): { length: number; contentStart: number } {
  if (offset >= limit) fail(c, offset, 'the data ends inside a length');
  const first = c.bytes[offset]!;
  if (first < 0x80) return { length: first, contentStart: offset + 1 };
  if (first === 0x80) fail(c, offset, 'an indefinite length');
  const count = first & 0x7f;
  if (count > 4) fail(c, offset, 'a length that does not fit in four bytes');
  if (offset + count >= limit) fail(c, offset, 'the data ends inside a length');
  let length = 0;
  for (let i = 1; i <= count; i++) length = length * 256 + c.bytes[offset + i]!;
  if (c.bytes[offset + 1] === 0 || length < 0x80) fail(c, offset, 'a length not in its shortest form');
  return { length, contentStart: offset + 1 + count };
}

function checkPrimitive(c: Cursor, tag: number, at: number, content: Uint8Array): void {
  switch (tag) {
    case 1:
      if (content.length !== 1 || (content[0] !== 0 && content[0] !== 0xff)) fail(c, at, 'a BOOLEAN that is not 00 or FF');
      return;
    case 2:
    case 10:
      if (content.length === 0) fail(c, at, 'an empty INTEGER');
      if (content.length > 1 && ((content[0] === 0 && content[1]! < 0x80) || (content[0] === 0xff && content[1]! >= 0x80))) {
        fail(c, at, 'an INTEGER not in its shortest form');
      }
      return;
    case 3: {
      if (content.length === 0) fail(c, at, 'a BIT STRING without its unused-bits byte');
      const unused = content[0]!;
      if (unused > 7 || (content.length === 1 && unused !== 0)) fail(c, at, 'a BIT STRING with an impossible unused-bits count');
      if (unused > 0 && (content[content.length - 1]! & ((1 << unused) - 1)) !== 0) fail(c, at, 'a BIT STRING whose unused bits are not zero');
      return;
    }
    case 5:
      if (content.length !== 0) fail(c, at, 'a NULL with content');
      return;
    case 6:
      if (content.length === 0 || content[content.length - 1]! >= 0x80) fail(c, at, 'a truncated OBJECT IDENTIFIER');
      for (let i = 0; i < content.length; i++) {
        if (content[i] === 0x80 && (i === 0 || content[i - 1]! < 0x80)) fail(c, at, 'an OBJECT IDENTIFIER with a padded sub-identifier');
      }
      return;
    case 23:
      if (content.length !== 13 || !/^\d{12}Z$/.test(latin1(content))) fail(c, at, 'a UTCTime not in the form YYMMDDHHMMSSZ');
      return;
    case 24:
      if (content.length !== 15 || !/^\d{14}Z$/.test(latin1(content))) fail(c, at, 'a GeneralizedTime not in the form YYYYMMDDHHMMSSZ');
      return;
  }
}

/** X.690 §11.6: the encodings in a SET OF appear in ascending order. */
function checkSetOrder(c: Cursor, children: Array<[number, number]>): void {
  for (let i = 1; i < children.length; i++) {
    const [aStart, aEnd] = children[i - 1]!;
    const [bStart, bEnd] = children[i]!;
    if (compareOctets(c.bytes.subarray(aStart, aEnd), c.bytes.subarray(bStart, bEnd)) > 0) fail(c, bStart, 'a SET whose elements are not in DER order');
  }
}

function compareOctets(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/** One element of a DER SEQUENCE: its identifier octet, its whole encoding and its content octets. */
export interface DerElement {
  tag: number;
  der: Uint8Array;
  content: Uint8Array;
}

/**
 * The elements of a SEQUENCE that assertStrictDer accepted, as views into
 * its bytes (no copy, no decoding below the first level); undefined when the
 * value is not a SEQUENCE.
 */
export function derSequenceElements(bytes: Uint8Array): DerElement[] | undefined {
  if (bytes[0] !== 0x30) return undefined;
  const cursor: Cursor = { bytes, what: 'value', code: 'PKI_MALFORMED_CERTIFICATE' };
  const outer = readLength(cursor, 1, bytes.length);
  const elements: DerElement[] = [];
  for (let offset = outer.contentStart; offset < outer.contentStart + outer.length; ) {
    const { length, contentStart } = readLength(cursor, offset + 1, bytes.length);
    elements.push({ tag: bytes[offset]!, der: bytes.subarray(offset, contentStart + length), content: bytes.subarray(contentStart, contentStart + length) });
    offset = contentStart + length;
  }
  return elements;
}
