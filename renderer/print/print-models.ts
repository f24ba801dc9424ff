/**
 * The plain data the printable documents are drawn from. Built by main/ (from
 * the transcript and the custody step) and by the renderer (from what the API
 * gives it); rendered by the same React views on screen, through Electron's
 * printToPDF and through Chromium in the CLI. No secret is carried here except
 * a custodian card's own share words.
 */

/** Paper the documents are laid out for; both fit the same margins. */
export type PaperSize = 'A4' | 'Letter';

/** A person in the room, as the script names them. */
export interface PrintParticipant {
  name: string;
  /** administrator, witness, custodian, auditor — as the script says. */
  role: string;
}

/** One transcript line (design/FORMATS.md, "Transcript"), as printed. */
export interface PrintEvent {
  seq: number;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  /** Dotted event name, e.g. "key.generated". */
  type: string;
  /** The script step the event belongs to. */
  step: string;
  /** A participant's name or "system". */
  actor: string;
  /** The event's facts, exactly as the transcript holds them. */
  data: Readonly<Record<string, unknown>>;
  /** SHA-256 (hex) of the line's exact bytes: the next line's `prev`. */
  hash: string;
}

/** A difference from the script, recorded by the witness. */
export interface PrintDeviation {
  /** seq of the deviation.recorded event. */
  seq: number;
  at: string;
  step: string;
  /** Who recorded it. */
  recordedBy: string;
  /** What differed, in the witness's words. */
  description: string;
}

/** A place on the last pages for one participant to sign. */
export interface SignatureBlock {
  name: string;
  role: string;
  /** Caption printed under the signature rule, e.g. "Signature". */
  signatureLine: string;
  /** Caption printed under the date rule, e.g. "Date (YYYY-MM-DD)". */
  dateLine: string;
}

/** Everything transcript.pdf shows. */
export interface TranscriptPrintModel {
  /** e.g. "Root key generation — Example Corp Root CA 2026". */
  title: string;
  ceremonyId: string;
  /** The script's `kind`, e.g. "root-key-generation". */
  kind: string;
  rehearsal: boolean;
  /** SHA-256 (hex) of ceremony.yaml's bytes. */
  scriptSha256: string;
  /** SHA-256 (hex) of transcript.jsonl; its first 16 hex go in every page's footer. */
  transcriptSha256: string;
  participants: readonly PrintParticipant[];
  /** Every event, in seq order. */
  events: readonly PrintEvent[];
  deviations: readonly PrintDeviation[];
  signatures: readonly SignatureBlock[];
}

/** The three short instructions on a custodian card. */
export interface CardInstructions {
  /** How to store the card. */
  storage: string;
  /** What to bring to a recovery. */
  recovery: string;
  /** Whom to tell if it is lost (a name and how to reach them). */
  ifLost: string;
}

/** Everything one custodian's card shows. Secret: it carries the share words. */
export interface CustodianCardModel {
  ceremonyId: string;
  /** The ceremony's date, ISO 8601 (YYYY-MM-DD or a full timestamp). */
  ceremonyDate: string;
  custodianName: string;
  /** This custodian's member number, 1-based. */
  memberIndex: number;
  /** N: how many shares were issued. */
  memberCount: number;
  /** M: how many shares restore the key. */
  threshold: number;
  /** The share in words (BIP-39 English list), in order. */
  words: readonly string[];
  /** SVG markup of the share's QR code, as main/custody produces it. */
  qrSvg: string;
  /** First 8 bytes of SHA-256 of the share bytes, hex (design/FORMATS.md, "Share"). */
  shareFingerprint: string;
  instructions: CardInstructions;
  rehearsal: boolean;
}
