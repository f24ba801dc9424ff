import { hash } from 'node:crypto';
import type { TranscriptEvent } from './events.js';

/**
 * One line of transcript.jsonl (design/FORMATS.md, "Transcript"): keys in the
 * order seq, at, prev, type, step, actor, data; no spaces; JSON.stringify's
 * escaping; UTF-8; ended by "\n" (not part of the line's bytes or hash).
 */

/** `type` is a dotted name of lower-case words. */
export const EVENT_TYPE_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;
/** `at`: UTC, ISO 8601 with milliseconds, as Date.prototype.toISOString writes it. */
export const EVENT_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const HEX_64 = /^[0-9a-f]{64}$/;
const KEY_ORDER = ['seq', 'at', 'prev', 'type', 'step', 'actor', 'data'] as const;

/** The bytes of one line without its "\n". */
export function encodeEventLine(event: TranscriptEvent): Buffer {
  const { seq, at, prev, type, step, actor, data } = event;
  return Buffer.from(JSON.stringify({ seq, at, prev, type, step, actor, data }), 'utf8');
}

/** SHA-256 of a line's bytes (without "\n"), lowercase hex: the next line's prev. */
export function lineSha256(line: Uint8Array): string {
  return hash('sha256', line, 'hex');
}

const SEQ_OPEN = Buffer.from('{"seq":');
const AT_OPEN = Buffer.from(',"at":"');
const PREV_OPEN = Buffer.from('","prev":"');
const TYPE_OPEN = Buffer.from('","type":"');
const CLOSE = 0x7d;

/** Byte offset of line 0's type value: `{"seq":0,"at":"<24>","prev":"<64>","type":"`. */
export const LINE0_TYPE_AT = SEQ_OPEN.length + 1 + AT_OPEN.length + 24 + PREV_OPEN.length + 64 + TYPE_OPEN.length;
/** Line 0's type value with its closing quote. */
export const OPENED_TYPE = Buffer.from('ceremony.opened"');

export type FramingProblem = { code: 'bad-form' | 'seq-gap'; what: string };

const BAD_FRAMING: FramingProblem = { code: 'bad-form', what: 'does not start {"seq":n,"at":"…","prev":"<64 hex>","type":"…" or does not end }}' };

/**
 * Reads the chain fields of a line straight from its bytes — seq, at, prev and
 * the start of type, in that order — without parsing the JSON: this is what
 * keeps chain checking near the speed of hashing. Returns the line's prev.
 */
export function readFraming(line: Buffer, expectedSeq: number): string | FramingProblem {
  if (!startsWith(line, 0, SEQ_OPEN) || line[line.length - 1] !== CLOSE || line[line.length - 2] !== CLOSE) return BAD_FRAMING;
  let i = SEQ_OPEN.length;
  const digits = i;
  let seq = 0;
  // Up to 15 digits stay exact in a double; no leading zeros (JSON).
  while (i - digits < 15 && line[i]! >= 0x30 && line[i]! <= 0x39) seq = seq * 10 + (line[i++]! - 0x30);
  if (i === digits || (line[digits] === 0x30 && i - digits > 1) || !startsWith(line, i, AT_OPEN)) return BAD_FRAMING;
  i += AT_OPEN.length;
  if (!EVENT_TIME.test(line.toString('latin1', i, i + 24))) return BAD_FRAMING;
  i += 24;
  if (!startsWith(line, i, PREV_OPEN)) return BAD_FRAMING;
  i += PREV_OPEN.length;
  const prev = line.toString('latin1', i, i + 64);
  if (!startsWith(line, i + 64, TYPE_OPEN) || !HEX_64.test(prev)) return BAD_FRAMING;
  if (seq !== expectedSeq) return { code: 'seq-gap', what: `has seq ${seq}, expected ${expectedSeq}` };
  return prev;
}

export type FormProblem = 'not-json' | 'bad-keys' | 'bad-values';

/** What each form problem means, for the message naming the line. */
export const FORM_PROBLEMS: Record<FormProblem, string> = {
  'not-json': 'is not valid JSON',
  'bad-keys': 'does not have exactly the keys seq, at, prev, type, step, actor, data in that order',
  'bad-values': 'has a field of the wrong kind (type must be a dotted name, step and actor strings, data an object)',
};

/**
 * Parses a line whose framing was read, and checks the rest of its form. The
 * parsed seq and prev must equal the framing's (a key given twice would not).
 */
export function parseEvent(line: Buffer, seq: number, prev: string): TranscriptEvent | FormProblem {
  let event: TranscriptEvent;
  try {
    event = JSON.parse(line.toString('utf8')) as TranscriptEvent;
  } catch {
    return 'not-json';
  }
  const keys = Object.keys(event);
  if (keys.length !== KEY_ORDER.length || keys.some((key, i) => key !== KEY_ORDER[i])) return 'bad-keys';
  if (event.seq !== seq || event.prev !== prev) return 'bad-keys';
  const { type, step, actor, data } = event;
  if (typeof type !== 'string' || !EVENT_TYPE_NAME.test(type) || typeof step !== 'string' || typeof actor !== 'string') return 'bad-values';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'bad-values';
  return event;
}

function startsWith(line: Buffer, at: number, expected: Buffer): boolean {
  if (at + expected.length > line.length) return false;
  for (let j = 0; j < expected.length; j++) if (line[at + j] !== expected[j]) return false;
  return true;
}
