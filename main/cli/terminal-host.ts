import { createInterface, type Interface } from 'node:readline';
import { listRemovableMedia } from '../bundle/removable-media.js';
import { HostDeclined, type Ask, type CeremonyHost, type MediaQuestion, type RunnerNotice } from '../ceremony/runner/ceremony-host.js';
import { parsePinSource, readPin, type PinSource } from '../hsm/pin-source.js';
import type { AcknowledgeQuestion, ConfirmQuestion, EnterPinQuestion, PresentShareQuestion, TakeShareQuestion } from '../../shared/ipc/host-questions.js';
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
}

/**
 * The room at a terminal: the witness answers y/n, the administrator types
 * confirmation words, PINs and share words are read with echo off, and a
 * share is shown only after "only <name> should see the screen" and cleared
 * from the screen and scrollback afterwards. Preset answers replace the
 * questions they cover.
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
    if (this.preset.acknowledge) return this.say(`  (acknowledged for ${q.actor} by the answers file)\n`);
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
    this.close();
    return readSecretLine(this.io, `${who}, type your share words (the first four letters of each are enough; not shown): `);
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
    const preset = this.preset.media?.[this.mediaIndex++];
    if (preset) return preset;
    const media = await listRemovableMedia();
    this.say(`\nUSB copy ${q.copy} of ${q.copies}: ${q.what}.\n`);
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

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}
