import { describe, expect, it } from 'vitest';
import { custodianCardPageDecorations, transcriptPageDecorations } from '../../../renderer/print/page-templates.js';
import { readableText } from './html-text.js';
import { sampleCard, sampleTranscript } from './sample-ceremony.js';

const PAGE_N_OF_M = 'page <span class="pageNumber"></span> of <span class="totalPages"></span>';

describe('page header and footer templates', () => {
  it('put the first 16 hex of the transcript SHA-256 and "page n of m" in the transcript footer', () => {
    const model = sampleTranscript(false);
    const { footerTemplate } = transcriptPageDecorations(model);
    expect(readableText(footerTemplate)).toContain(`Transcript SHA-256 ${model.transcriptSha256.slice(0, 16)}`);
    expect(footerTemplate).toContain(PAGE_N_OF_M);
  });

  it('say REHEARSAL in the header of every page of a rehearsal, and not otherwise', () => {
    expect(readableText(transcriptPageDecorations(sampleTranscript(true)).headerTemplate)).toContain('REHEARSAL');
    expect(readableText(transcriptPageDecorations(sampleTranscript(false)).headerTemplate)).not.toContain('REHEARSAL');
  });

  it('mark a card SECRET and say whose it is on every page', async () => {
    const decorations = custodianCardPageDecorations(await sampleCard(4, true));
    expect(readableText(decorations.headerTemplate)).toMatch(/^SECRET · custodian card · exm-root-2026-11-29 REHEARSAL/);
    expect(readableText(decorations.footerTemplate)).toContain('Fatima Haddad · member 4 of 5');
    expect(decorations.footerTemplate).toContain(PAGE_N_OF_M);
  });

  it('escape the values they carry, since they are built as strings', () => {
    const model = { ...sampleTranscript(false), ceremonyId: '<b onclick="x">id</b>' };
    expect(transcriptPageDecorations(model).headerTemplate).toContain('&#60;b onclick=&#34;x&#34;&#62;id&#60;/b&#62;');
  });
});
