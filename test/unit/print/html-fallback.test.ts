import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlPathFor, writeTranscriptHtml } from '../../../main/transcript/print/html-fallback.js';
import { printDocuments } from '../../../main/transcript/print/print-documents.js';
import { readableText } from './html-text.js';
import { sampleCard, sampleTranscript } from './sample-ceremony.js';

let dir: string;
const previous = process.env.CONCLAVE_CHROMIUM;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conclave-print-'));
  // Names a browser that is not there: this machine then has "no Chromium".
  process.env.CONCLAVE_CHROMIUM = join(dir, 'no-such-chromium');
});
afterEach(() => {
  if (previous === undefined) delete process.env.CONCLAVE_CHROMIUM;
  else process.env.CONCLAVE_CHROMIUM = previous;
});

describe('documents as HTML where there is no Chromium', () => {
  it('writes the transcript and the cards as HTML beside where the PDFs would be, and says so', async () => {
    const result = await printDocuments({
      transcript: { model: sampleTranscript(true), path: join(dir, 'transcript.pdf') },
      cards: [{ model: await sampleCard(1, true), path: join(dir, 'custodians', 'card-1.pdf') }],
    });
    expect(result.format).toBe('html');
    expect(result.files).toEqual([join(dir, 'transcript.html'), join(dir, 'custodians', 'card-1.html')]);
    expect(result.notice).toMatch(/^No Chromium was found \(looked for .*no-such-chromium\), so no PDF was made: the documents were written as HTML/);
    expect(readdirSync(dir).sort()).toEqual(['custodians', 'transcript.html']);
  });

  it('keeps "page n of m", the transcript digest and REHEARSAL for a browser\'s own print', async () => {
    const model = sampleTranscript(true);
    await writeTranscriptHtml(model, join(dir, 'transcript.html'));
    const html = readFileSync(join(dir, 'transcript.html'), 'utf8');
    expect(html).toContain('@bottom-right { content: "page " counter(page) " of " counter(pages)');
    expect(html).toContain(`Transcript SHA-256 ${model.transcriptSha256.slice(0, 16)}`);
    expect(html).toContain('@top-right { content: "REHEARSAL — not valid for production"');
    expect(readableText(html)).toContain('Signature');
  });

  it('never overwrites a file that is already there', async () => {
    writeFileSync(join(dir, 'transcript.html'), 'earlier');
    await expect(writeTranscriptHtml(sampleTranscript(false), join(dir, 'transcript.html'))).rejects.toMatchObject({
      code: 'PRINT_OUTPUT_EXISTS',
      message: expect.stringContaining('transcript.html already exists'),
    });
    expect(readFileSync(join(dir, 'transcript.html'), 'utf8')).toBe('earlier');
  });

  it('prints nothing of a batch when one of its outputs is already there', async () => {
    writeFileSync(join(dir, 'transcript.html'), 'earlier');
    await expect(
      printDocuments({
        cards: [{ model: await sampleCard(1, true), path: join(dir, 'card-1.pdf') }],
        transcript: { model: sampleTranscript(false), path: join(dir, 'transcript.pdf') },
      }),
    ).rejects.toMatchObject({ code: 'PRINT_OUTPUT_EXISTS' });
    expect(readdirSync(dir)).toEqual(['transcript.html']);
  });

  it('keeps values in the page boxes from ending the CSS string or the style element', async () => {
    await writeTranscriptHtml({ ...sampleTranscript(false), ceremonyId: 'x"</style><b>' }, join(dir, 't.html'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(join(dir, 't.html'), 'utf8'))?.[1] ?? '';
    expect(style).toContain('x\\22 \\3c /style\\3e \\3c b\\3e ');
  });

  it('puts the HTML stand-in of x.pdf at x.html', () => {
    expect(htmlPathFor('/b/transcript.pdf')).toBe('/b/transcript.html');
    expect(htmlPathFor('/b/card')).toBe('/b/card.html');
  });
});
