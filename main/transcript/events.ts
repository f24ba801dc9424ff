/**
 * The transcript's event types and the facts each carries (design/FORMATS.md,
 * "Transcript"). Facts are public: fingerprints, serials, hashes, key check
 * values — never PINs, share bytes or words, KEK bytes or key material
 * (secret-guard.ts refuses those at append time).
 */

/** Version of the transcript format, written in ceremony.opened's data. */
export const TRANSCRIPT_FORMAT = 'conclave-transcript/1';

/** A fact's value: JSON without binary (render bytes as hex or base64 on purpose). */
export type FactValue = string | number | boolean | null | FactValue[] | { [key: string]: FactValue };
export type Facts = { [key: string]: FactValue };

/** What the runner says of a ceremony when it opens the journal (the journal adds format and scriptSha256). */
export type CeremonyOpenedFacts = { ceremonyId: string; kind: string; title?: string; rehearsal: boolean; appVersion?: string } & Facts;

/** Data of each event type. Types may carry more facts than the ones named. */
export interface EventDataMap {
  /** Line 0, written by Journal.create. scriptSha256 (of ceremony.yaml) equals line 0's prev. */
  'ceremony.opened': CeremonyOpenedFacts & { format: typeof TRANSCRIPT_FORMAT; scriptSha256: string };
  'preflight.machine': { hostname: string; os: string; appVersion: string; appSha256?: string; networkInterfacesUp: string[]; clock: string } & Facts;
  'preflight.hsm': { module: string; manufacturer: string; model: string; serial: string; firmware?: string; tokenLabel: string; mechanisms?: string[]; inventory?: FactValue[] } & Facts;
  'participant.present': { name: string; role: string } & Facts;
  'step.started': { title: string } & Facts;
  'step.completed': Facts;
  'witness.acknowledged': { witness: string; what: string } & Facts;
  'deviation.recorded': { description: string; recordedBy: string } & Facts;
  /** A key on the token: SPKI SHA-256 for a key pair, key check value for a secret key. */
  'key.generated': { label: string; id: string; type: string; spkiSha256?: string; kcv?: string } & Facts;
  /**
   * index: the member number (1..N) as backup.json's kek.shareFingerprints has it;
   * fingerprint: first 8 bytes of SHA-256 of the share bytes, hex (FORMATS.md, "Share").
   */
  'share.issued': { custodian: string; index: number; fingerprint: string; shareSetId: string } & Facts;
  'share.verified': { custodian: string; index: number; fingerprint: string } & Facts;
  /** path: the backup file in the bundle; kekKcv, shareSetId, threshold and shareCount as backup.json's kek holds them. */
  'backup.written': { path: string; sha256: string; kekKcv: string; shareSetId: string; threshold: number; shareCount: number } & Facts;
  /** name: the file stem under certs/ (certs/<name>.pem and .der); sha256 of the DER. */
  'cert.issued': { name: string; serial: string; subject: string; issuer: string; sha256: string; profile?: string } & Facts;
  /** name: the file stem under crls/; sha256 of the DER. */
  'crl.issued': { name: string; issuer: string; crlNumber: string; sha256: string; revoked?: FactValue[] } & Facts;
  /** path: relative to the bundle, forward slashes. */
  'file.written': { path: string; sha256: string; bytes: number } & Facts;
  /**
   * A ceremony picked up again after a stop. When the journal's last line was
   * half-written (a crash mid-write), the runner discards it and records it here.
   */
  'ceremony.resumed': { afterSeq: number; discardedPartialLine?: { bytes: number; sha256: string } } & Facts;
  'ceremony.closed': Facts;
  /** The backup KEK was drawn from the HSM's RNG: its KCV and the share set it will be split into (never its bytes). */
  'kek.generated': { kcv: string; shareSetId: string } & Facts;
  /** A key was wrapped under the KEK for the backup: the wrapped bytes' SHA-256, never the key. */
  'key.wrapped': { label: string; id: string; wrappedSha256: string } & Facts;
  /**
   * A share set is void: its KEK is gone (the ceremony stopped between the KEK
   * and the last hand-off, or a rotation replaced it). Its shares rebuild nothing.
   */
  'backup.voided': { shareSetId: string; reason: string } & Facts;
  /** A share brought back was checked on entry and accepted (recovery, rotation). */
  'share.accepted': { custodian: string; index: number; fingerprint: string; shareSetId: string } & Facts;
  /** The KEK was rebuilt from a quorum of shares and its KCV matched the recorded one. */
  'kek.rebuilt': { kcv: string; shareSetId: string; members: number[] } & Facts;
  /** A key was restored from the backup onto the token and proven. */
  'key.restored': { label: string; id: string; spkiSha256?: string; kcv?: string; proof: string } & Facts;
  /** A key was destroyed on the token. */
  'key.destroyed': { label: string; id: string } & Facts;
  /** A key left the HSM wrapped for another system. */
  'key.exported': { label: string; kcv: string; destination: string; format: string; transportKeySha256: string; files: FactValue[] } & Facts;
  /** A copy of the ceremony's output was written to removable media and read back. */
  'media.written': { copy: number; files: number; target: string } & Facts;
  /** A later ceremony verified the evidence bundle it builds on: what was checked, and the certificates it took from it. */
  'source.verified': { bundle: string; ceremonyId: string; kind: string; transcriptSha256: string; verdict: string; checks: FactValue[]; certificates: FactValue[] } & Facts;
  /** The signing CA's key on the token is the one its certificate certifies (equal SPKI). */
  'issuer.checked': { key: string; id: string; spkiSha256: string; certificate: string; certificateSha256: string } & Facts;
  /** Every object on the token at one point of the ceremony (key-destruction: before and after). */
  'inventory.recorded': { when: string; objects: FactValue[] } & Facts;
}

export type EventType = keyof EventDataMap;

/** Every event type the journal writes, in the order a ceremony usually meets them. */
export const EVENT_TYPES: readonly EventType[] = [
  'ceremony.opened',
  'preflight.machine',
  'preflight.hsm',
  'participant.present',
  'step.started',
  'step.completed',
  'witness.acknowledged',
  'deviation.recorded',
  'key.generated',
  'share.issued',
  'share.verified',
  'backup.written',
  'cert.issued',
  'crl.issued',
  'file.written',
  'ceremony.resumed',
  'ceremony.closed',
  'kek.generated',
  'key.wrapped',
  'backup.voided',
  'share.accepted',
  'kek.rebuilt',
  'key.restored',
  'key.destroyed',
  'key.exported',
  'media.written',
  'source.verified',
  'issuer.checked',
  'inventory.recorded',
];

/** One line of transcript.jsonl, keys in this order (FORMATS.md). */
export interface TranscriptEvent<T extends string = string> {
  seq: number;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  /** SHA-256 hex of the previous line's bytes (of ceremony.yaml for line 0). */
  prev: string;
  type: T;
  step: string;
  /** A participant's name, or "system". */
  actor: string;
  data: T extends EventType ? EventDataMap[T] : Facts;
}
