import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { unsealShare } from '../../../main/custody/sealed-share-file.js';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import type { ChoosePassphraseQuestion, HostQuestion } from '../../../shared/ipc/host-questions.js';
import { walkCeremony, type WalkRecord } from './ceremony-walker.js';
import { WizardRoom } from './wizard-room.js';

const SCRIPT = join(import.meta.dirname, '../../hsm/ceremony/sealed-handoff.yaml');
const PASSPHRASES: Record<string, string> = { 'Carol Chen': 'a drawer of blue teacups', 'Dave Dubois': 'seven sleepy lighthouses' };
const REASON = 'I skipped a group while copying';

interface Line {
  seq: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

// The small two-custodian root script with sealed share files, rehearsed on
// screen: Carol types two different passphrases first and is asked again;
// Dave asks to see his share again at the re-entry, the witness approves on
// screen, and he types it back. The sealed files go to the stand-in stick.
describe('sealed share files and a share shown again, on screen', () => {
  let room: WizardRoom;
  let bundleDir: string;
  const passphraseProblems: (string | undefined)[] = [];
  let approvalTitle: string | undefined;
  const record: WalkRecord = { words: new Map(), asked: [], receiptProblem: undefined, pinProblem: undefined };

  beforeAll(async () => {
    room = await WizardRoom.open();
  });

  afterAll(async () => {
    await room?.close();
  });

  it('walks the rehearsal to the end, answering the passphrase and show-again screens by typing and clicking', async () => {
    const page = room.page;
    await room.engine.handlers.ceremony.rehearse({ scriptPath: SCRIPT });
    await page.getByRole('note', { name: 'Rehearsal' }).waitFor();
    bundleDir = room.engine.ceremonies.status()!.bundleDir;
    let askedAgain = false;
    const isOurs = (q: HostQuestion) => q.kind === 'choose-passphrase' || (q.kind === 'take-share' && q.custodian === 'Dave Dubois' && !askedAgain) || (q.kind === 'acknowledge' && q.approval === 'show-share-again');
    for (;;) {
      await walkCeremony(room, { record, until: isOurs });
      const question = await room.nextQuestion(undefined);
      if (!question) break;
      if (question.kind === 'choose-passphrase') await choosePassphrase(question);
      else if (question.kind === 'acknowledge') {
        approvalTitle = question.title;
        await page.getByRole('heading', { name: question.title }).waitFor();
        await room.screen('show-again-approval');
        const approve = page.locator('.acknowledge button.primary');
        await expect.poll(() => approve.isEnabled(), { timeout: 10_000 }).toBe(true);
        await approve.click();
      } else {
        askedAgain = true;
        await page.getByRole('button', { name: 'Show the share again' }).click();
        await page.getByLabel('Why must the share be shown again?').fill(REASON);
        await room.screen('show-again-request');
        await page.getByRole('button', { name: 'Ask the witness to approve' }).click();
      }
      await expect.poll(() => room.engine.host.pending().some((q) => q.id === question.id), { timeout: 30_000 }).toBe(false);
    }
    const status = room.engine.ceremonies.status();
    expect(status?.state, JSON.stringify({ ...status, script: undefined, lines: undefined })).toBe('finished');
  }, 600_000);

  async function choosePassphrase(question: ChoosePassphraseQuestion): Promise<void> {
    const page = room.page;
    passphraseProblems.push(question.problem);
    await page.getByRole('heading', { name: `${question.custodian}, choose a passphrase for your sealed share file` }).waitFor();
    const passphrase = PASSPHRASES[question.custodian]!;
    const differ = question.custodian === 'Carol Chen' && question.problem === undefined;
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('The same passphrase again').fill(differ ? `${passphrase}!` : passphrase);
    await room.screen(differ ? 'choose-passphrase-differ' : 'choose-passphrase');
    await page.getByRole('button', { name: 'Seal the share under this passphrase' }).click();
  }

  it('asked Carol again when her two entries differed, saying so', () => {
    expect(passphraseProblems).toEqual([undefined, expect.stringContaining('two entries differ'), undefined]);
  });

  it('asked the witness on screen, and recorded the approval with the reason', () => {
    expect(approvalTitle).toBe("Show Dave Dubois's share again");
    const lines = readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    const again = lines.filter((l) => l.type === 'witness.acknowledged' && l.data.record === 'share.shown-again');
    expect(again).toHaveLength(1);
    expect(again[0]!.data).toMatchObject({ custodian: 'Dave Dubois', approvedBy: 'Walter White', reason: REASON });
  });

  it('wrote both sealed files to the chosen stick, each opening with its custodian\'s passphrase to the share recorded', async () => {
    const lines = readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    const sealed = lines.filter((l) => l.type === 'witness.acknowledged' && l.data.record === 'share.sealed');
    expect(sealed.map((l) => l.data.custodian)).toEqual(['Carol Chen', 'Dave Dubois']);
    const onStick = readdirSync(room.usb).filter((f) => f.endsWith('.sealed.json'));
    for (const event of sealed) {
      expect(onStick).toContain(event.data.file);
      const envelope = await unsealShare(new Uint8Array(readFileSync(join(room.usb, String(event.data.file)))), new TextEncoder().encode(PASSPHRASES[String(event.data.custodian)]!));
      expect(shareFingerprint(envelope.share)).toBe(event.data.fingerprint);
      envelope.share.fill(0);
    }
    const text = readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8');
    for (const passphrase of Object.values(PASSPHRASES)) expect(text).not.toContain(passphrase);
  });

  it('leaves a bundle that verify accepts', async () => {
    expect((await verifyBundle(bundleDir)).verdict).toBe('verified');
  });

  it("recovers the backup on the recovery screen from Carol's sealed share file (a wrong passphrase refused first) and Dave's words", async () => {
    const page = room.page;
    const carol = readdirSync(room.usb).find((f) => f.endsWith('.sealed.json') && f.includes('carol-chen'));
    expect(carol, 'Carol Chen\'s sealed share file on the stick').toBeDefined();
    await page.getByRole('button', { name: 'Back to start' }).click();
    await page.getByRole('button', { name: 'Recover a backup' }).click();
    await page.getByLabel('Bundle folder').fill(bundleDir);
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await page.getByText('0 of 2 needed').waitFor({ timeout: 30_000 });

    await page.getByLabel('Sealed share file', { exact: true }).fill(join(room.usb, carol!));
    await page.getByLabel('Passphrase', { exact: true }).fill('not her passphrase');
    await room.screen('recovery-sealed-file');
    await page.getByRole('button', { name: 'Open and check this share' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor();
    await room.screen('recovery-sealed-wrong-passphrase');
    expect(await page.getByLabel('Passphrase', { exact: true }).inputValue(), 'the passphrase is cleared once sent').toBe('');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASES['Carol Chen']!);
    await page.getByRole('button', { name: 'Open and check this share' }).click();
    await page.getByText('1 of 2 needed').waitFor();

    await page.getByLabel('Word 1', { exact: true }).fill(record.words.get('Dave Dubois')!.join(' '));
    await page.getByRole('button', { name: 'Check this share', exact: true }).click();
    await page.getByText('2 of 2 needed').waitFor();
    await page.getByRole('button', { name: 'Rebuild the key and restore' }).click();
    await page.getByRole('heading', { name: /The backup is restored and every key proven/ }).waitFor({ timeout: 60_000 });
    await room.screen('recovery-sealed-restored');
    const rows = await page.locator('.checks tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('Pass');
  });
});
