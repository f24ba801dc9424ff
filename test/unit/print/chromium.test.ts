import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, isChromiumAvailable } from '../../../main/transcript/print/chromium.js';
import { PdfPrinter } from '../../../main/transcript/print/pdf-printer.js';

describe('finding a Chromium to print with', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-chromium-'));

  it('takes the first candidate that is an executable file', () => {
    const notExecutable = join(dir, 'plain');
    const executable = join(dir, 'chromium');
    writeFileSync(notExecutable, '');
    writeFileSync(executable, '#!/bin/sh\n');
    chmodSync(executable, 0o755);
    expect(findChromium([join(dir, 'missing'), notExecutable, executable])).toBe(executable);
  });

  it('reports none when no candidate exists', () => {
    expect(findChromium([join(dir, 'missing')])).toBeUndefined();
    expect(isChromiumAvailable([join(dir, 'missing')])).toBe(false);
  });

  it('looks only where CONCLAVE_CHROMIUM says when it is set, else at Debian\'s package first', () => {
    expect(chromiumCandidates({ CONCLAVE_CHROMIUM: '/opt/chromium/chrome' })).toEqual(['/opt/chromium/chrome']);
    expect(chromiumCandidates({})[0]).toBe('/usr/bin/chromium');
  });
});

describe('starting a printer without Chromium', () => {
  it('names where it looked and what to install', async () => {
    const previous = process.env.CONCLAVE_CHROMIUM;
    process.env.CONCLAVE_CHROMIUM = '/nonexistent/chromium';
    try {
      await expect(PdfPrinter.launch()).rejects.toMatchObject({
        code: 'CHROMIUM_NOT_FOUND',
        message: 'No Chromium found (looked for /nonexistent/chromium). Install it (apt-get install chromium) or set CONCLAVE_CHROMIUM.',
      });
    } finally {
      if (previous === undefined) delete process.env.CONCLAVE_CHROMIUM;
      else process.env.CONCLAVE_CHROMIUM = previous;
    }
  });
});
