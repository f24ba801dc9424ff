import { describe, expect, it } from 'vitest';
import { transcriptHtml } from '../../../main/transcript/print/print-html.js';
import { groupHex } from '../../../renderer/print/hex-groups.js';
import { readableText } from './html-text.js';
import { CEREMONY_ID, PARTICIPANTS, ROOT_CERT_SHA256, ROOT_SPKI_SHA256, SCRIPT_SHA256, sampleTranscript } from './sample-ceremony.js';

const model = sampleTranscript(true);
const text = readableText(transcriptHtml(model));

describe('printed transcript, as HTML', () => {
  it('names the ceremony, its kind and its script SHA-256, grouped in fours', () => {
    expect(text).toContain('Example Corp Root CA 2026');
    expect(text).toContain(CEREMONY_ID);
    expect(text).toContain('Root key generation');
    expect(text).toContain(groupHex(SCRIPT_SHA256));
  });

  it('states the transcript SHA-256 in full', () => {
    expect(text).toContain(groupHex(model.transcriptSha256));
  });

  it('lists every participant with their role', () => {
    for (const p of PARTICIPANTS) expect(text).toMatch(new RegExp(`${p.name} ${p.role}`));
  });

  it('shows every event in order, by seq', () => {
    const positions = model.events.map((e) => text.indexOf(`line SHA-256 ${groupHex(e.hash)}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('gives the root key\'s fingerprint and the root certificate\'s digest in groups of four', () => {
    expect(text).toContain('Key generated: root-key, EC P-384');
    expect(text).toContain(`SPKI SHA-256 ${groupHex(ROOT_SPKI_SHA256)}`);
    expect(text).toContain(`SHA-256 of DER ${groupHex(ROOT_CERT_SHA256)}`);
  });

  it('lists the deviation in its own section', () => {
    expect(text).toMatch(/Deviations from the script The second USB stick was not empty;.* recorded by Wanda Lindqvist/);
  });

  it('says so when no deviation was recorded', () => {
    expect(readableText(transcriptHtml({ ...model, deviations: [] }))).toContain('No deviation was recorded.');
  });

  it('has a signature and a date line for every participant', () => {
    for (const p of PARTICIPANTS) expect(text).toContain(`${p.name} ${p.role} Signature — ${p.name} Date (YYYY-MM-DD)`);
  });

  it('is marked REHEARSAL when it is one, and only then', () => {
    expect(text).toContain('REHEARSAL — practice run on a throwaway token');
    expect(readableText(transcriptHtml(sampleTranscript(false)))).not.toContain('REHEARSAL');
  });

  it('prints text from the transcript as text, never as markup', () => {
    const html = transcriptHtml({ ...model, title: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img src=x');
    expect(readableText(html)).toContain('<img src=x onerror=alert(1)>');
  });

  it('loads nothing and runs nothing: no script, and a policy that forbids both', () => {
    const html = transcriptHtml(model);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });
});
