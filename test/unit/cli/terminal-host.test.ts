import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostDeclined } from '../../../main/ceremony/runner/ceremony-host.js';
import { readAnswersFile } from '../../../main/cli/answers-file.js';
import { UsageError } from '../../../main/cli/args.js';
import { TerminalHost } from '../../../main/cli/terminal-host.js';

/** A terminal whose keyboard is a list of lines, typed one by one as questions appear. */
function terminal(lines: string[]) {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (d) => {
    shown += String(d);
    if (/[?:\]] $/.test(String(d)) && lines.length) setImmediate(() => stdin.write(`${lines.shift()}\n`));
  });
  return { io: { stdin, stdout: new PassThrough(), stderr }, shown: () => shown };
}

const question = { step: 'certificate.root', title: 'Certificate root reviewed', detail: 'Subject: CN=Root', actor: 'Walter White' };

describe('the terminal host', () => {
  it('goes on when the witness answers yes', async () => {
    const t = terminal(['yes']);
    await new TerminalHost(t.io, undefined).acknowledge(question);
    expect(t.shown()).toContain('Certificate root reviewed');
  });

  it('stops the ceremony (HostDeclined) when the witness answers no', async () => {
    const t = terminal(['no']);
    await expect(new TerminalHost(t.io, undefined).acknowledge(question)).rejects.toBeInstanceOf(HostDeclined);
  });

  it('takes a deviation, with who records it, then asks again', async () => {
    const t = terminal(['deviation', 'The printer jammed; the card was reprinted.', '', 'yes']);
    const host = new TerminalHost(t.io, undefined);
    await host.acknowledge(question);
    expect(host.takeDeviations()).toEqual([{ description: 'The printer jammed; the card was reprinted.', recordedBy: 'Walter White' }]);
    expect(host.takeDeviations()).toEqual([]);
  });

  it('goes ahead with an irreversible step only on the exact word', async () => {
    const t = terminal(['sign', 'SIGN']);
    await new TerminalHost(t.io, undefined).confirm({ step: 'certificate.root', title: 'Sign the root', detail: 'cannot be undone', word: 'SIGN' });
    expect(t.shown()).toContain('That was not SIGN.');
  });

  it('acknowledges and confirms from an answers file without asking', async () => {
    const t = terminal([]);
    const host = new TerminalHost(t.io, undefined, { acknowledge: true, confirm: true, media: ['/media/usb1'] });
    await host.acknowledge(question);
    await host.confirm({ step: 's', title: 't', detail: 'd', word: 'SIGN' });
    expect(await host.chooseMedia({ step: 'export.1', copy: 1, copies: 1, what: 'the backup' })).toBe('/media/usb1');
    expect(t.shown()).toContain('acknowledged for Walter White by the answers file');
  });
});

describe('the answers file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conclave-answers-'));

  it('reads acknowledge, confirm and media', () => {
    writeFileSync(join(dir, 'a.yaml'), 'acknowledge: true\nconfirm: true\nmedia: [/media/a, /media/b]\n');
    expect(readAnswersFile(join(dir, 'a.yaml'))).toEqual({ acknowledge: true, confirm: true, media: ['/media/a', '/media/b'] });
  });

  it('refuses anything else, a PIN above all, saying what it may hold', () => {
    writeFileSync(join(dir, 'b.yaml'), 'pin: "1234"\n');
    expect(() => readAnswersFile(join(dir, 'b.yaml'))).toThrow(UsageError);
    expect(() => readAnswersFile(join(dir, 'b.yaml'))).toThrow(/acknowledge: true, confirm: true and media/);
  });
});
