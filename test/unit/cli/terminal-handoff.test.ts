import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HostDeclined, ShowShareAgain } from '../../../main/ceremony/runner/ceremony-host.js';
import { readAnswersFile } from '../../../main/cli/answers-file.js';
import { TerminalHost } from '../../../main/cli/terminal-host.js';

/**
 * A terminal (a TTY, so secrets are read with echo off) whose keyboard is a
 * list of lines, each typed once a question ends in ": ", "? " or "] ".
 */
function terminal(lines: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (d) => {
    shown += String(d);
    if (/[?:\]] $/.test(String(d)) && lines.length) setImmediate(() => stdin.write(`${lines.shift()}\n`));
  });
  return { io: { stdin, stdout: new PassThrough(), stderr }, shown: () => shown };
}

const receipt = { step: 'handoff.2', custodian: 'Dave Dubois', received: 0, needed: 1 };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the terminal at a hand-off', () => {
  it('offers "again" at the re-entry and, typed, asks why and asks to show the share again', async () => {
    const t = terminal(['Again', 'I lost my place at word 9']);
    const error = await new TerminalHost(t.io, undefined).takeShare({ ...receipt, showAgain: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShowShareAgain);
    expect((error as ShowShareAgain).reason).toBe('I lost my place at word 9');
    expect(t.shown()).toContain('or "again" to see the share again with the witness\'s approval');
  });

  it('takes the words as typed when the custodian types them', async () => {
    const t = terminal(['abandon ability able']);
    expect(text(await new TerminalHost(t.io, undefined).takeShare({ ...receipt, showAgain: true }))).toBe('abandon ability able');
  });

  it('does not offer "again" when the runner does not (a share brought back in a recovery)', async () => {
    const t = terminal(['again']);
    expect(text(await new TerminalHost(t.io, undefined).takeShare(receipt))).toBe('again');
    expect(t.shown()).not.toContain('see the share again');
  });

  it('reads a passphrase twice, with echo off, and never shows it', async () => {
    const t = terminal(['correct horse battery', 'correct horse batterz']);
    const entries = await new TerminalHost(t.io, undefined).choosePassphrase({ step: 'handoff.1', custodian: 'Carol Chen', member: 1, minimum: 12 });
    expect(text(entries.passphrase)).toBe('correct horse battery');
    expect(text(entries.repeated)).toBe('correct horse batterz');
    expect(t.shown()).toContain('at least 12 characters');
    expect(t.shown()).not.toContain('horse');
  });

  it('shows why the previous passphrase was refused before asking again', async () => {
    const t = terminal(['x', 'x']);
    await new TerminalHost(t.io, undefined).choosePassphrase({ step: 'handoff.1', custodian: 'Carol Chen', member: 1, minimum: 12, problem: 'The two entries differ.' });
    expect(t.shown()).toContain('The two entries differ.');
  });

  it('takes a custodian\'s stick from the answers file by name, apart from the USB copies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conclave-answers-'));
    writeFileSync(join(dir, 'answers.yaml'), 'media: [/media/usb1]\nsealedShareFolders:\n  Carol Chen: /media/carol\n');
    const host = new TerminalHost(terminal([]).io, undefined, readAnswersFile(join(dir, 'answers.yaml')));
    expect(await host.chooseMedia({ step: 'handoff.1', copy: 1, copies: 1, what: 'Carol\'s sealed share file', custodian: 'Carol Chen' })).toBe('/media/carol');
    expect(await host.chooseMedia({ step: 'export.1', copy: 1, copies: 1, what: 'the backup' })).toBe('/media/usb1');
  });

  it('asks the witness in person to approve showing a share again, even with an answers file that acknowledges', async () => {
    const t = terminal(['yes']);
    await new TerminalHost(t.io, undefined, { acknowledge: true }).acknowledge({ step: 'handoff.2', title: "Show Dave Dubois's share again", detail: 'Reason given', actor: 'Walter White', approval: 'show-share-again' });
    expect(t.shown()).toContain('Walter White, do you confirm?');
    expect(t.shown()).not.toContain('by the answers file');
  });

  it('stops, saying why, when a stick from the answers file is refused', async () => {
    const host = new TerminalHost(terminal([]).io, undefined, { sealedShareFolders: { 'Carol Chen': '/media/carol' } });
    await expect(host.chooseMedia({ step: 'handoff.1', copy: 1, copies: 1, what: 'w', custodian: 'Carol Chen', problem: '/media/carol is full' })).rejects.toThrow(HostDeclined);
  });
});
