import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrintError } from '../../../main/transcript/print/print-error.js';
import { transcriptPrintModel } from '../../../main/transcript/print/transcript-print-model.js';
import { CEREMONY_ID, PARTICIPANTS, SCRIPT_SHA256, sampleTranscriptBytes } from './sample-ceremony.js';

const bytes = sampleTranscriptBytes(true);
const model = transcriptPrintModel(bytes);
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('print model from transcript.jsonl', () => {
  it('takes the ceremony\'s identity from ceremony.opened', () => {
    expect(model).toMatchObject({ ceremonyId: CEREMONY_ID, kind: 'root-key-generation', title: 'Example Corp Root CA 2026', rehearsal: true, scriptSha256: SCRIPT_SHA256 });
  });

  it('gives the SHA-256 of the exact file, as sha256sum would', () => {
    expect(model.transcriptSha256).toBe(sha256(bytes));
  });

  it('gives each event the SHA-256 of its line: the next line\'s prev', () => {
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\n');
    expect(model.events).toHaveLength(lines.length);
    lines.slice(1).forEach((line, i) => expect(JSON.parse(line).prev).toBe(model.events[i]?.hash));
  });

  it('lists the people the roll call marked present, and one signature block for each', () => {
    expect(model.participants).toEqual(PARTICIPANTS);
    expect(model.signatures.map((s) => s.name)).toEqual(PARTICIPANTS.map((p) => p.name));
  });

  it('takes the deviations from deviation.recorded events', () => {
    expect(model.deviations).toEqual([expect.objectContaining({ recordedBy: 'Wanda Lindqvist', step: 'export', description: expect.stringContaining('USB stick') })]);
  });

  it('uses the participants the script names when given', () => {
    const named = transcriptPrintModel(bytes, { participants: [{ name: 'Alice Okafor', role: 'administrator' }] });
    expect(named.signatures).toHaveLength(1);
  });

  it('refuses a line that is not an event, and names it', () => {
    const broken = new TextEncoder().encode(`${new TextDecoder().decode(bytes)}{"seq":34,"at":`);
    expect(() => transcriptPrintModel(broken)).toThrow(expect.objectContaining({ code: 'TRANSCRIPT_UNREADABLE', message: expect.stringContaining('line 35 is not JSON') }));
    expect(() => transcriptPrintModel(broken)).toThrow(PrintError);
  });
});
