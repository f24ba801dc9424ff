import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isChromiumAvailable } from '../../../main/transcript/print/chromium.js';
import { printDocuments } from '../../../main/transcript/print/print-documents.js';
import { sampleCard, sampleTranscript } from '../../unit/print/sample-ceremony.js';
import { pdfText } from './pdf-reader.js';

describe('printing a ceremony\'s documents in one batch', () => {
  it('finds Debian\'s Chromium on this machine', () => {
    expect(isChromiumAvailable()).toBe(true);
  });

  it('writes transcript.pdf and the cards as PDFs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-print-batch-'));
    const cards = await Promise.all([1, 2].map(async (i) => ({ model: await sampleCard(i, true), path: join(dir, 'custodians', `custodian-${i}.pdf`) })));
    const result = await printDocuments({ transcript: { model: sampleTranscript(true), path: join(dir, 'transcript.pdf') }, cards, paper: 'Letter' });
    expect(result).toEqual({ format: 'pdf', files: [join(dir, 'transcript.pdf'), join(dir, 'custodians', 'custodian-1.pdf'), join(dir, 'custodians', 'custodian-2.pdf')] });
    for (const file of result.files) expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(join(dir, 'custodians', 'custodian-2.pdf'))).toContain('Dmitri Volkov');
  });

  it('refuses to overwrite a transcript.pdf that is already there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-print-batch-'));
    writeFileSync(join(dir, 'transcript.pdf'), 'earlier');
    await expect(printDocuments({ transcript: { model: sampleTranscript(false), path: join(dir, 'transcript.pdf') } })).rejects.toMatchObject({
      code: 'PRINT_OUTPUT_EXISTS',
    });
    expect(readFileSync(join(dir, 'transcript.pdf'), 'utf8')).toBe('earlier');
  });
});
