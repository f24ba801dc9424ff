import { createInterface, type Interface } from 'node:readline';
import { listRemovableMedia } from '../bundle/removable-media.js';
import { HostDeclined, ShowShareAgain, type Ask, type CeremonyHost, type MediaQuestion, type PassphraseEntries, type RunnerNotice } from '../ceremony/runner/ceremony-host.js';
import { parsePinSource, readPin, type PinSource } from '../hsm/pin-source.js';
import type { AcknowledgeQuestion, ChoosePassphraseQuestion, ConfirmQuestion, EnterPinQuestion, PresentShareQuestion, TakeShareQuestion } from '../../shared/ipc/host-questions.js';
import type { CommandIo } from './command.js';
import { readSecretLine } from './terminal-prompt.js';

/** Answers given ahead of time (`--answers FILE`), for a run nobody watches at a terminal. */
export interface PresetAnswers {
  /** The witness's acknowledgements are given (the transcript still records each, by name). */
  acknowledge?: boolean;
  /** Irreversible steps go ahead without typing the word. */
  confirm?: boolean;
  /** Folders of the removable media, one per USB copy, in order. */
  media?: string[];
  /** The folder (a custodian's USB stick) of each custodian's sealed share file, by custodian name. The passphrase is always typed. */
  sealedShareFolders?: Record<string, string>;
}

/** What a custodian types at the re-entry, instead of the words, to ask to see the share again. */
export const SHOW_AGAIN_WORD = 'again';

/**
 * The room at a terminal: the witness answers y/n, the administrator types
 * confirmation words, PINs and share words are read with echo off, and a
 * share is shown only after "only <name> should see the screen" and cleared
 * from the screen and scrollback afterwards. At a hand-off's re-entry the
 * custodian may type "again" instead of the words to ask to see the share
 * again (the witness approves next). A sealed share file's passphrase is
 * typed twice with echo off. Preset answers replace the questions they cover.
 */
export class TerminalHost implements CeremonyHost {
  private lines: Interface | undefined;
  private mediaIndex = 0;
  private deviations: { description: string; recordedBy: string }[] = [];

  constructor(
    private readonly io: CommandIo,
    private readonly pinSource: PinSource | undefined,
    private readonly preset: PresetAnswers = {},
  ) {}

  async acknowledge(q: Ask<AcknowledgeQuestion>): Promise<void> {
    this.say(`\n[${q.step}] ${q.title}\n${indent(q.detail)}\n`);
    // Showing a share again needs the witness on the day: an answers file never approves it.
    if (this.preset.acknowledge && q.approval === undefined) return this.say(`  (acknowledged for ${q.actor} by the answers file)\n`);
    for (;;) {
      const answer = (await this.ask(`${q.actor}, do you confirm? [yes / no / deviation] `)).trim();
      if (/^y(es)?$/i.test(answer)) return;
      if (/^d(eviation)?$/i.test(answer)) {
        const description = (await this.ask('Describe what differs from the script: ')).trim();
        const recordedBy = (await this.ask(`Recorded by [${q.actor}]: `)).trim() || q.actor;
        if (description) this.deviations.push({ description, recordedBy });
        continue;
      }
      throw new HostDeclined(`${q.actor} did not confirm "${q.title}": the ceremony stops here and can be resumed.`);
    }
  }

  takeDeviations(): { description: string; recordedBy: string }[] {
    return this.deviations.splice(0);
  }

  async confirm(q: Ask<ConfirmQuestion>): Promise<void> {
    this.say(`\n[${q.step}] ${q.title}\n${indent(q.detail)}\n`);
    if (this.preset.confirm) return this.say(`  (confirmed by the answers file)\n`);
    for (;;) {
      const typed = await this.ask(`Type ${q.word} to go ahead, or "stop": `);
      if (typed.trim() === q.word) return;
      if (typed.trim().toLowerCase() === 'stop') throw new HostDeclined(`The administrator stopped at "${q.title}".`);
      this.say(`That was not ${q.word}.\n`);
    }
  }

  async presentShare(q: Ask<PresentShareQuestion>): Promise<void> {
    await this.ask(`\nOnly ${q.custodian} should see the screen now. ${q.custodian}, press Enter to see your share (member ${q.member} of ${q.of}, ${q.threshold} needed).`);
    const groups: string[] = [];
    for (let i = 0; i < q.words.length; i += 4) groups.push(`${String(i / 4 + 1).padStart(2)}. ${q.words.slice(i, i + 4).join(' ')}`);
    this.say(`\n${groups.join('\n')}\n\nShare fingerprint: ${q.fingerprint}\n`);
    await this.ask('Write the words down, check them, then press Enter to hide them.');
    // Clear the screen and the scrollback, so the words are not left behind.
    this.say('\x1b[2J\x1b[3J\x1b[H');
  }

  async takeShare(q: Ask<TakeShareQuestion>): Promise<Uint8Array> {
    if (q.problem) this.say(`\n${q.problem}\n`);
    const who = q.custodian ?? 'Custodian';
    const again = q.showAgain ? `, or "${SHOW_AGAIN_WORD}" to see the share again with the witness's approval` : '';
    this.close();
    const typed = await readSecretLine(this.io, `${who}, type your share words (the first four letters of each are enough; not shown)${again}: `);
    if (q.showAgain && isShowAgainWord(typed)) {
      typed.fill(0);
      let reason = '';
      this.say('The reason is recorded in the transcript: never type share words in it.\n');
      while (!reason) reason = (await this.ask(`${who}, why must the share be shown again? `)).trim().slice(0, 300);
      throw new ShowShareAgain(reason);
    }
    return typed;
  }

  async choosePassphrase(q: Ask<ChoosePassphraseQuestion>): Promise<PassphraseEntries> {
    if (q.problem) this.say(`\n${q.problem}\n`);
    else this.say(`\n${q.custodian}: your share ${q.member} is also written to your USB stick, sealed under a passphrase you choose now (at least ${q.minimum} characters). Only you should see the keyboard.\n`);
    this.close();
    const passphrase = await readSecretLine(this.io, `${q.custodian}, type your passphrase (not shown): `);
    try {
      return { passphrase, repeated: await readSecretLine(this.io, 'Type it again (not shown): ') };
    } catch (error) {
      passphrase.fill(0);
      throw error;
    }
  }

  async enterPin(q: Ask<EnterPinQuestion>): Promise<Uint8Array> {
    if (q.problem) {
      if (this.pinSource && this.pinSource.kind !== 'prompt') throw new HostDeclined(q.problem);
      this.say(`\n${q.problem}\n`);
    }
    if (q.pin === 'final-try') this.say('Careful: one try left before the token locks.\n');
    this.close();
    return readPin(this.pinSource ?? parsePinSource('prompt'), (question) => readSecretLine(this.io, question), q.token.label);
  }

  async chooseMedia(q: MediaQuestion): Promise<string> {
    const preset = q.custodian !== undefined ? this.preset.sealedShareFolders?.[q.custodian] : this.preset.media?.[this.mediaIndex++];
    if (preset) {
      // A folder from the answers file that was refused would be refused again: stop, and say why.
      if (q.problem) throw new HostDeclined(q.problem);
      return preset;
    }
    if (q.problem) this.say(`\n${q.problem}\n`);
    const media = await listRemovableMedia();
    this.say(q.custodian !== undefined ? `\n${q.custodian}'s USB stick: ${q.what}.\n` : `\nUSB copy ${q.copy} of ${q.copies}: ${q.what}.\n`);
    for (const m of media) this.say(`  ${m.mountPoint}  (${m.name}, ${(m.freeBytes / 1e6).toFixed(0)} MB free)\n`);
    if (media.length === 0) this.say('  No removable drive is mounted. Insert one, or type a folder.\n');
    return (await this.ask('Folder to write to: ')).trim();
  }

  notify(notice: RunnerNotice): void {
    if (notice.kind === 'step' && notice.state === 'started') this.say(`\n▶ ${notice.step}\n`);
    if (notice.kind === 'progress') this.say(`  ${notice.message}\n`);
  }

  /**
   * Releases the terminal's line reader. Done before every secret is read:
   * the reader would otherwise also receive (and echo) the secret's keystrokes.
   */
  close(): void {
    this.lines?.close();
    this.lines = undefined;
  }

  private say(text: string): void {
    this.io.stderr.write(text);
  }

  private ask(question: string): Promise<string> {
    this.lines ??= createInterface({ input: this.io.stdin, output: this.io.stderr, terminal: false });
    this.say(question);
    return new Promise((resolve, reject) => {
      const onClose = () => reject(new HostDeclined('The terminal closed before the question was answered.'));
      this.lines!.once('close', onClose);
      this.lines!.once('line', (line) => {
        this.lines!.removeListener('close', onClose);
        resolve(line);
      });
    });
  }
}

/** Whether the bytes typed are the show-again word (any case, spaces around), compared without making a string of them. */
function isShowAgainWord(typed: Uint8Array): boolean {
  let start = 0;
  let end = typed.length;
  while (start < end && typed[start] === 0x20) start++;
  while (end > start && typed[end - 1] === 0x20) end--;
  if (end - start !== SHOW_AGAIN_WORD.length) return false;
  for (let i = 0; i < SHOW_AGAIN_WORD.length; i++) if ((typed[start + i]! | 0x20) !== SHOW_AGAIN_WORD.charCodeAt(i)) return false;
  return true;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}
