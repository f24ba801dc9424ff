/**
 * Each transcript event in plain language (design/FORMATS.md lists the types):
 * one sentence a witness can read aloud, then the event's facts. A describer
 * picks what goes into the sentence; every other fact is still listed.
 */
import { EventData } from './event-data.js';
import { keyTypeText, type EventFact } from './event-facts.js';
import type { PrintEvent } from './print-models.js';
import { ceremonyKindName } from './standard-wording.js';

/** How one event reads on paper. */
export interface EventDescription {
  summary: string;
  facts: EventFact[];
}

type Describer = (d: EventData, e: PrintEvent) => string;

/** "Head: a, b, c", leaving out missing parts; just "Head" when none. */
function sentence(head: string, ...parts: (string | undefined | false)[]): string {
  const present = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return present.length > 0 ? `${head}: ${present.join(', ')}` : head;
}

function stepTitle(d: EventData, e: PrintEvent): string {
  return d.text('title', 'name', 'description') ?? e.step;
}

function countOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' ? value : undefined;
}

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  'ceremony.opened': (d) => {
    const kind = d.text('kind');
    const rehearsal = d.value('rehearsal') === true;
    d.fact('Script SHA-256', 'scriptSha256');
    return sentence('Ceremony opened', d.text('title'), kind && ceremonyKindName(kind), rehearsal && 'REHEARSAL on a practice token');
  },
  'preflight.machine': (d) => {
    const host = d.text('hostname', 'host');
    const version = d.text('appVersion', 'version');
    return sentence('Machine checked', host && `host ${host}`, d.text('os', 'platform'), version && `Conclave ${version}`);
  },
  'preflight.hsm': (d) => {
    const maker = [d.text('manufacturer', 'manufacturerId'), d.text('model')].filter(Boolean).join(' ');
    const serial = d.text('serial', 'serialNumber');
    const firmware = d.text('firmware', 'firmwareVersion');
    d.fact('Token', 'tokenLabel', 'token');
    d.fact('PKCS#11 module', 'module');
    return sentence('HSM identified', maker, serial && `serial ${serial}`, firmware && `firmware ${firmware}`);
  },
  'participant.present': (d, e) => {
    const name = d.text('name', 'participant') ?? e.actor;
    const role = d.text('role');
    return `Present: ${name}${role ? ` (${role})` : ''}`;
  },
  'step.started': (d, e) => `Step started: ${stepTitle(d, e)}`,
  'step.completed': (d, e) => `Step completed: ${stepTitle(d, e)}`,
  'witness.acknowledged': (d, e) => {
    const what = d.text('what');
    const witness = d.text('witness') ?? e.actor;
    return what ? `Witness ${witness} confirmed: ${what}` : `Witness ${witness} confirmed the step “${e.step}”`;
  },
  'deviation.recorded': (d) => sentence('Deviation recorded', d.text('description', 'text', 'note')),
  'key.generated': (d) => {
    const extractable = d.value('extractable');
    d.fact('SPKI SHA-256', 'spkiSha256');
    d.fact('Key check value', 'kcv');
    d.fact('CKA_ID', 'id', 'ckaId');
    return sentence(
      'Key generated',
      d.text('label'),
      keyTypeText(d.value('type', 'keyType')),
      extractable === true ? 'extractable only wrapped (for the backup)' : extractable === false && 'not extractable',
    );
  },
  'share.issued': (d) => {
    const index = d.text('index', 'memberIndex', 'member');
    const count = d.text('count', 'shares', 'memberCount');
    d.fact('Share fingerprint', 'shareFingerprint', 'fingerprint');
    const share = index ? `Share ${index}${count ? ` of ${count}` : ''}` : 'Share';
    return `${share} issued to ${d.text('custodian', 'name') ?? 'a custodian'}`;
  },
  'share.verified': (d) => {
    const index = d.text('index', 'memberIndex', 'member');
    d.fact('Share fingerprint', 'shareFingerprint', 'fingerprint');
    return sentence('Share verified', d.text('custodian', 'name'), index && `member ${index}`);
  },
  'backup.written': (d) => {
    const keys = countOf(d.value('keys', 'keyCount'));
    const threshold = d.text('threshold');
    const shares = d.text('shares', 'count');
    d.fact('KEK check value', 'kekKcv', 'kcv');
    d.fact('SHA-256', 'sha256');
    return sentence(
      'Key backup written',
      d.text('path'),
      keys !== undefined && `${keys} ${keys === 1 ? 'key' : 'keys'} wrapped`,
      threshold && shares && `KEK split ${threshold} of ${shares}`,
    );
  },
  'cert.issued': (d) => {
    const subject = d.text('subject');
    d.fact('Serial', 'serial', 'serialNumber');
    d.fact('SHA-256 of DER', 'sha256', 'derSha256', 'fingerprint');
    return sentence('Certificate issued', d.text('name'), subject && `subject ${subject}`);
  },
  'crl.issued': (d) => {
    const number = d.text('number', 'crlNumber');
    const revoked = countOf(d.value('revoked', 'revokedCount'));
    d.fact('SHA-256 of DER', 'sha256', 'derSha256');
    return sentence(
      'CRL issued',
      d.text('name', 'issuer'),
      number && `number ${number}`,
      revoked !== undefined && `${revoked} ${revoked === 1 ? 'certificate' : 'certificates'} revoked`,
    );
  },
  'file.written': (d) => {
    d.fact('SHA-256', 'sha256');
    d.fact('Size (bytes)', 'bytes', 'size');
    return sentence('File written', d.text('path'));
  },
  'ceremony.resumed': (d) => {
    const after = d.text('afterSeq', 'lastSeq');
    const discarded = d.value('discardedPartialLine') !== undefined;
    d.fact('Discarded partial line', 'discardedPartialLine');
    return sentence(
      'Ceremony resumed from its transcript',
      after && `after event ${after}`,
      discarded && 'a half-written last line was set aside',
      d.text('reason'),
    );
  },
  'ceremony.closed': (d) => sentence('Ceremony closed', d.text('outcome', 'status')),
};

/**
 * The plain-language sentence and fact lines for one event. An event type
 * without a describer is printed by its name with all of its facts.
 */
export function describeEvent(event: PrintEvent): EventDescription {
  const data = new EventData(event.data);
  const describer = DESCRIBERS[event.type];
  const summary = describer ? describer(data, event) : `Event “${event.type}”`;
  return { summary, facts: data.facts() };
}

/** The event types with a plain-language describer. */
export const DESCRIBED_EVENT_TYPES: readonly string[] = Object.keys(DESCRIBERS);
