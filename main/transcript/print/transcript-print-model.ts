import { createHash } from 'node:crypto';
import type { PrintDeviation, PrintEvent, PrintParticipant, TranscriptPrintModel } from '../../../renderer/print/print-models.js';
import { ceremonyKindName, signatureBlocksFor } from '../../../renderer/print/standard-wording.js';
import { PrintError } from './print-error.js';

/** What the transcript alone does not say about how to print it. */
export interface TranscriptPrintOptions {
  /**
   * The people listed and given a signature block, as the script names them.
   * Default: everyone the roll call marked present (participant.present), in order.
   */
  participants?: readonly PrintParticipant[];
  /** Default: ceremony.opened's title, else the ceremony kind in words. */
  title?: string;
}

/**
 * The print model of a transcript, from the exact bytes of transcript.jsonl:
 * every line becomes an event with its own SHA-256, ceremony.opened gives the
 * ceremony's identity, deviation.recorded events give the deviations. It does
 * not check the chain (verify does); it prints what is there.
 * @throws PrintError TRANSCRIPT_UNREADABLE when a line is not a transcript event.
 */
export function transcriptPrintModel(transcript: Uint8Array, options: TranscriptPrintOptions = {}): TranscriptPrintModel {
  const events = parseEvents(transcript);
  const opened = events[0];
  if (!opened || opened.type !== 'ceremony.opened') {
    throw unreadable('its first line is not ceremony.opened');
  }
  const facts = opened.data;
  const kind = typeof facts.kind === 'string' ? facts.kind : 'unknown';
  const participants = options.participants ?? presentParticipants(events);
  return {
    title: options.title ?? (typeof facts.title === 'string' ? facts.title : ceremonyKindName(kind)),
    ceremonyId: typeof facts.ceremonyId === 'string' ? facts.ceremonyId : 'unknown',
    kind,
    rehearsal: facts.rehearsal === true,
    scriptSha256: typeof facts.scriptSha256 === 'string' ? facts.scriptSha256 : '',
    transcriptSha256: createHash('sha256').update(transcript).digest('hex'),
    participants,
    events,
    deviations: events.filter((e) => e.type === 'deviation.recorded').map(deviationOf),
    signatures: signatureBlocksFor(participants),
  };
}

function parseEvents(transcript: Uint8Array): PrintEvent[] {
  const events: PrintEvent[] = [];
  let start = 0;
  while (start < transcript.length) {
    let end = transcript.indexOf(0x0a, start);
    if (end === -1) end = transcript.length;
    const line = transcript.subarray(start, end);
    events.push(eventOf(line, events.length + 1));
    start = end + 1;
  }
  return events;
}

function eventOf(line: Uint8Array, lineNumber: number): PrintEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line));
  } catch {
    throw unreadable(`line ${lineNumber} is not JSON`);
  }
  const e = parsed as Partial<Record<keyof PrintEvent, unknown>>;
  if (
    typeof e.seq !== 'number' || typeof e.at !== 'string' || typeof e.type !== 'string' ||
    typeof e.step !== 'string' || typeof e.actor !== 'string' || typeof e.data !== 'object' || e.data === null
  ) {
    throw unreadable(`line ${lineNumber} lacks seq, at, type, step, actor or data`);
  }
  const hash = createHash('sha256').update(line).digest('hex');
  return { seq: e.seq, at: e.at, type: e.type, step: e.step, actor: e.actor, data: e.data as Record<string, unknown>, hash };
}

function presentParticipants(events: readonly PrintEvent[]): PrintParticipant[] {
  const seen = new Map<string, PrintParticipant>();
  for (const e of events) {
    if (e.type !== 'participant.present') continue;
    const { name, role } = e.data;
    if (typeof name === 'string' && !seen.has(name)) seen.set(name, { name, role: typeof role === 'string' ? role : 'participant' });
  }
  return [...seen.values()];
}

function deviationOf(e: PrintEvent): PrintDeviation {
  const { description, recordedBy } = e.data;
  return {
    seq: e.seq,
    at: e.at,
    step: e.step,
    recordedBy: typeof recordedBy === 'string' ? recordedBy : e.actor,
    description: typeof description === 'string' ? description : 'No description was given.',
  };
}

function unreadable(what: string): PrintError {
  return new PrintError('TRANSCRIPT_UNREADABLE', `The transcript cannot be printed: ${what}. Run "conclave verify" on the bundle to see what is wrong with it.`);
}
