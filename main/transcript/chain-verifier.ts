import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { FORM_PROBLEMS, LINE0_TYPE_AT, OPENED_TYPE, lineSha256, parseEvent, readFraming } from './event-line.js';
import type { TranscriptEvent } from './events.js';

/** Why the chain stops being trustworthy at a line. */
export type ChainProblemCode =
  | 'empty'
  | 'partial-line'
  | 'line-too-long'
  | 'not-utf8'
  | 'not-json'
  | 'bad-form'
  | 'not-opened'
  | 'seq-gap'
  | 'script-mismatch'
  | 'prev-mismatch';

export interface ChainProblem {
  code: ChainProblemCode;
  /** 1-based line number of the first bad line, as an editor shows it. */
  line: number;
  /** Byte offset where that line starts. */
  offset: number;
  message: string;
}

export interface ChainResult {
  ok: boolean;
  /** Lines that passed every check, from the top. */
  lines: number;
  /** Bytes of those lines, each with its "\n". */
  validBytes: number;
  /** SHA-256 of the last good line (the script's when there is none): the next line's prev. */
  lastLineSha256: string;
  /** The first problem; absent when ok. */
  problem?: ChainProblem;
}

export interface ChainVerifierOptions {
  /**
   * Called with every good event in order (the chain is checked up to and
   * including it). `line` may be a view of a reused read buffer: copy it to keep it.
   */
  onEvent?: (event: TranscriptEvent, line: Buffer) => void;
  /**
   * Whether to parse every line as JSON and check its whole form (default
   * true; always so when onEvent is given). false reads only the chain fields
   * from the bytes: the chain is still fully checked, the rest of each line is not.
   */
  checkForm?: boolean;
}

/** A line this long is not one the journal wrote; stop before holding it all in memory. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Checks transcript.jsonl as it streams by (design/FORMATS.md, "Transcript"):
 * every line ends in "\n", is UTF-8 JSON in the journal's exact form, `seq`
 * counts from 0 without gaps, line 0 is ceremony.opened with `prev` = SHA-256
 * of ceremony.yaml, and every later `prev` is the SHA-256 of the previous
 * line's bytes. Stops at the first bad line and names it. Lines are split and
 * hashed as bytes, so the hash is over exactly what is on disk.
 */
export class ChainVerifier {
  private carry: Buffer | undefined;
  private offset = 0;
  private count = 0;
  private expectedPrev: string;
  private problem: ChainProblem | undefined;
  /** Whether the complete lines of the current chunk are valid UTF-8 (checked once per chunk). */
  private chunkIsUtf8 = false;

  constructor(
    private readonly scriptSha256: string,
    private readonly options: ChainVerifierOptions = {},
  ) {
    this.expectedPrev = scriptSha256;
  }

  /** Feeds the next bytes of the file. Returns false once a problem was found (stop feeding). */
  push(chunk: Buffer): boolean {
    if (this.problem) return false;
    let start = 0;
    if (this.carry) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        if (this.carry.length > MAX_LINE_BYTES) this.fail('line-too-long', `is longer than ${MAX_LINE_BYTES} bytes`);
        return !this.problem;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, nl)]);
      this.carry = undefined;
      this.chunkIsUtf8 = false;
      if (!this.checkLine(line)) return false;
      start = nl + 1;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    // One UTF-8 check over all whole lines of the chunk (they end at a "\n", so no
    // character is cut); lines are checked one by one only when it fails.
    this.chunkIsUtf8 = lastNewline >= start && isUtf8(chunk.subarray(start, lastNewline));
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      if (!this.checkLine(chunk.subarray(start, nl))) return false;
      start = nl + 1;
    }
    // Copied: the caller may reuse its read buffer.
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
    return true;
  }

  /** Ends the file: bytes after the last "\n" are a half-written line. */
  finish(): ChainResult {
    if (!this.problem && this.carry) {
      const bytes = this.carry.length;
      this.fail('partial-line', `is half-written: ${bytes} bytes with no line end (the writer stopped mid-line)`);
    }
    if (!this.problem && this.count === 0) this.fail('empty', 'is missing: the transcript has no lines');
    return {
      ok: !this.problem,
      lines: this.count,
      validBytes: this.offset,
      lastLineSha256: this.expectedPrev,
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  private checkLine(line: Buffer): boolean {
    if (!this.chunkIsUtf8 && !isUtf8(line)) return this.fail('not-utf8', 'is not valid UTF-8');
    const prev = readFraming(line, this.count);
    if (typeof prev !== 'string') return this.fail(prev.code, prev.what);
    if (prev !== this.expectedPrev) {
      return this.count === 0
        ? this.fail('script-mismatch', `has prev ${prev}, but ceremony.yaml's SHA-256 is ${this.expectedPrev}`)
        : this.fail('prev-mismatch', `has prev ${prev}, but line ${this.count}'s SHA-256 is ${this.expectedPrev}: line ${this.count} was altered, or this line's prev was`);
    }
    if (this.options.onEvent || this.options.checkForm !== false) {
      const event = parseEvent(line, this.count, prev);
      if (typeof event === 'string') return this.fail(event === 'not-json' ? 'not-json' : 'bad-form', FORM_PROBLEMS[event]);
      if (this.count === 0 && event.type !== 'ceremony.opened') return this.fail('not-opened', `is ${event.type}, expected ceremony.opened first`);
      this.options.onEvent?.(event, line);
    } else if (this.count === 0 && !line.subarray(LINE0_TYPE_AT, LINE0_TYPE_AT + OPENED_TYPE.length).equals(OPENED_TYPE)) {
      return this.fail('not-opened', 'is not ceremony.opened, which must come first');
    }
    this.expectedPrev = lineSha256(line);
    this.count++;
    this.offset += line.length + 1;
    return true;
  }

  private fail(code: ChainProblemCode, what: string): false {
    const line = this.count + 1;
    this.problem = { code, line, offset: this.offset, message: `Transcript line ${line} ${what}.` };
    return false;
  }
}

/** Checks a whole transcript held in memory. */
export function verifyChain(bytes: Uint8Array, scriptSha256: string, options: ChainVerifierOptions = {}): ChainResult {
  const verifier = new ChainVerifier(scriptSha256, options);
  verifier.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return verifier.finish();
}

/**
 * Checks transcript.jsonl on disk, reading it in chunks (memory stays small
 * whatever its size, unless onEvent keeps the events).
 * @throws the file system's error when the file cannot be read (ENOENT when absent).
 */
export async function verifyChainFile(path: string, scriptSha256: string, options: ChainVerifierOptions = {}): Promise<ChainResult> {
  const verifier = new ChainVerifier(scriptSha256, options);
  const file = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0 || !verifier.push(chunk.subarray(0, bytesRead))) break;
    }
  } finally {
    await file.close();
  }
  return verifier.finish();
}
