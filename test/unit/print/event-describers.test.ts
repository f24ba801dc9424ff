import { describe, expect, it } from 'vitest';
import { DESCRIBED_EVENT_TYPES, describeEvent } from '../../../renderer/print/event-describers.js';
import type { PrintEvent } from '../../../renderer/print/print-models.js';
import { ROOT_SPKI_SHA256, sampleEvents } from './sample-ceremony.js';

// design/FORMATS.md, "Transcript": the events a transcript includes at least.
const FORMATS_EVENT_TYPES = [
  'ceremony.opened', 'preflight.machine', 'preflight.hsm', 'participant.present', 'step.started',
  'step.completed', 'witness.acknowledged', 'deviation.recorded', 'key.generated', 'share.issued',
  'share.verified', 'backup.written', 'cert.issued', 'crl.issued', 'file.written', 'ceremony.resumed',
  'ceremony.closed',
];

function event(type: string, data: Record<string, unknown>, extra: Partial<PrintEvent> = {}): PrintEvent {
  return { seq: 7, at: '2026-11-29T18:10:00.000Z', type, step: 'generate-root', actor: 'system', data, hash: 'ab'.repeat(32), ...extra };
}

describe('transcript events in plain language', () => {
  it('has a describer for every event type FORMATS.md lists', () => {
    expect([...DESCRIBED_EVENT_TYPES].sort()).toEqual([...FORMATS_EVENT_TYPES].sort());
  });

  it('says which key was generated, of which type, and lists its SPKI SHA-256 as hex', () => {
    const { summary, facts } = describeEvent(event('key.generated', { label: 'root-key', id: 'a'.repeat(40), type: 'EC P-384', spkiSha256: ROOT_SPKI_SHA256 }));
    expect(summary).toBe('Key generated: root-key, EC P-384');
    expect(facts[0]).toEqual({ label: 'SPKI SHA-256', value: ROOT_SPKI_SHA256, hex: true });
    expect(facts.find((f) => f.label === 'CKA_ID')?.hex).toBe(true);
  });

  it('reads a key type given as the HSM layer\'s object', () => {
    expect(describeEvent(event('key.generated', { label: 'm', type: { kind: 'aes', bits: 256 }, kcv: '8a3f1c' })).summary).toBe('Key generated: m, AES-256');
  });

  it('names the custodian and the member number of an issued share, with its fingerprint', () => {
    const { summary, facts } = describeEvent(event('share.issued', { custodian: 'Carlos Mendes', index: 1, fingerprint: '0011223344556677' }));
    expect(summary).toBe('Share 1 issued to Carlos Mendes');
    expect(facts[0]).toEqual({ label: 'Share fingerprint', value: '0011223344556677', hex: true });
  });

  it('quotes the witness\'s words of a deviation', () => {
    expect(describeEvent(event('deviation.recorded', { description: 'USB stick replaced', recordedBy: 'Wanda' })).summary).toBe('Deviation recorded: USB stick replaced');
  });

  it('prints an event type it does not know by its name, with all of its facts', () => {
    const { summary, facts } = describeEvent(event('hsm.logout', { tokenLabel: 'exm-root', sessions: 1 }));
    expect(summary).toBe('Event “hsm.logout”');
    expect(facts).toEqual([
      { label: 'Token label', value: 'exm-root', hex: false },
      { label: 'Sessions', value: '1', hex: false },
    ]);
  });

  it('lists every fact a describer does not put into its sentence, for every event type', () => {
    for (const e of sampleEvents(true)) {
      const { facts } = describeEvent({ ...e, data: { ...e.data, roomNote: 'checked twice' } });
      expect(facts, e.type).toContainEqual({ label: 'Room note', value: 'checked twice', hex: false });
    }
  });
});
