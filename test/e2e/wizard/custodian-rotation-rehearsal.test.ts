import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import { conclaveVerify } from '../../hsm/ceremony/standard-tools.js';
import { walkCeremony, type WalkRecord } from './ceremony-walker.js';
import { readCustodianCards, type CustodianCard } from './custodian-cards.js';
import { expectShareRefusedOnScreen, ofType, readTranscript, recordFromCards, rehearseLaterKind, type PracticeRoot } from './practice-root.js';
import { WizardRoom } from './wizard-room.js';

const QUORUM = ['Carol Chen', 'Dave Dubois', 'Erin Evans'];
const NEW_SET = ['Carol Chen', 'Dave Dubois', 'Heidi Hansen', 'Ivan Ivanov', 'Judy Jones'];

interface BackupKek {
  kek: { kcv: string; shareSetId: string };
}

// examples/custodian-rotation.yaml rehearsed on screen: the engine first
// makes the practice root unattended; Carol, Dave and Erin bring the old
// shares, typed from that root's custodian cards (PDFs read as a person reads
// the paper), Erin with one word wrong first. The backup goes to five new
// holders through the hand-off screens; their new cards are in the rotation's
// bundle, and three of the newcomers' cards alone rebuild the new backup on
// the recovery drill, where an old card is refused.
describe('a custodian-rotation rehearsal walked on screen, old shares typed from the practice root\'s cards', () => {
  let room: WizardRoom;
  let root: PracticeRoot;
  let record: WalkRecord;
  let run: CeremonyRun;
  let newCards: CustodianCard[];
  const isRefusal = (q: HostQuestion) => q.kind === 'take-share' && q.problem !== undefined;

  beforeAll(async () => {
    room = await WizardRoom.open({ screenPrefix: 'custodian-rotation-' });
  });

  afterAll(async () => {
    await room?.close();
    for (const dir of [run?.bundleDir, root?.sourceDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the home screen and shows the practice root\'s folder, holding one PDF card per old custodian', async () => {
    root = await rehearseLaterKind(room, 'custodian-rotation');
    expect(room.engine.ceremonies.status()!.script.plan.kind).toBe('custodian-rotation');
    expect(root.cards.map((c) => [c.custodian, c.member, c.memberCount, c.words.length])).toEqual(
      ['Carol Chen', 'Dave Dubois', 'Erin Evans', 'Frank Fischer', 'Grace Gupta'].map((name, i) => [name, i + 1, 5, 38]),
    );
    await room.screen('script-review-source');
  }, 300_000);

  it('names the mistyped word of Erin\'s old card by its position on the share screen, after Carol and Dave were taken', async () => {
    record = recordFromCards(root.cards);
    await walkCeremony(room, { record, mistypingCustodian: 'Erin Evans', until: isRefusal });
    const page = room.page;
    await page.getByRole('heading', { name: 'Erin Evans, type your share back from your card' }).waitFor();
    expect(await page.getByText('2 of 3 shares entered').count()).toBe(1);
    await expectShareRefusedOnScreen(room, 'Word 5 (group 2, word 1) is wrong', 5);
  });

  it('walks on — Erin corrects the word, the KEK is rebuilt, five new shares handed off and typed back, two USB copies, the old set declared void — to the close screen', async () => {
    await walkCeremony(room, { record, mistypingCustodian: 'Erin Evans' });
    run = room.engine.ceremonies.status()!;
    expect(run.error).toBeNull();
    expect(run.state).toBe('finished');
    expect(record.receiptProblem).toMatch(/^Word 5 \(group 2, word 1\) is wrong/);
    expect(record.asked.filter((k) => k === 'present-share')).toHaveLength(5);
    // Three old shares (Erin's asked twice), then five new ones typed back.
    expect(record.asked.filter((k) => k === 'take-share')).toHaveLength(9);
    expect(record.asked.filter((k) => k === 'choose-media')).toHaveLength(2);
    const page = room.page;
    await page.getByRole('heading', { name: 'The ceremony is closed and sealed' }).waitFor();
    expect(await page.getByRole('note', { name: 'Rehearsal' }).innerText()).toContain('REHEARSAL');
    await room.screen('closed');
  });

  it('wrote a new card for each new holder, carrying the words shown on their hand-off screen', () => {
    newCards = readCustodianCards(run.bundleDir);
    expect(newCards.map((c) => [c.custodian, c.member, c.memberCount])).toEqual(NEW_SET.map((name, i) => [name, i + 1, 5]));
    for (const card of newCards) expect(card.words, card.custodian).toEqual(record.words.get(card.custodian));
    for (const name of ['Carol Chen', 'Dave Dubois']) {
      expect(newCards.find((c) => c.custodian === name)!.fingerprint).not.toBe(root.cards.find((c) => c.custodian === name)!.fingerprint);
    }
  });

  it('recorded the old shares as on their cards, the KEK rebuilt, the new set issued and verified, and the old set void only after both copies', () => {
    const lines = readTranscript(run.bundleDir);
    const oldCard = (name: string) => root.cards.find((c) => c.custodian === name)!;
    const old = JSON.parse(readFileSync(join(root.sourceDir, 'backup', 'backup.json'), 'utf8')) as BackupKek;
    const renewed = JSON.parse(readFileSync(join(run.bundleDir, 'backup', 'backup.json'), 'utf8')) as BackupKek;
    expect(ofType(lines, 'share.accepted').map((l) => [l.data.custodian, l.data.index, l.data.fingerprint])).toEqual(QUORUM.map((n) => [n, oldCard(n).member, oldCard(n).fingerprint]));
    expect(ofType(lines, 'deviation.recorded').filter((l) => l.data.code === 'share.word-wrong').map((l) => l.data.description)).toEqual([expect.stringContaining('Erin Evans')]);
    expect(ofType(lines, 'kek.rebuilt').map((l) => l.data)).toEqual([expect.objectContaining({ kcv: old.kek.kcv, shareSetId: old.kek.shareSetId, members: [1, 2, 3] })]);
    expect(renewed.kek.shareSetId).not.toBe(old.kek.shareSetId);
    const issued = ofType(lines, 'share.issued');
    expect(issued.map((l) => [l.data.custodian, l.data.index, l.data.fingerprint, l.data.shareSetId])).toEqual(newCards.map((c) => [c.custodian, c.member, c.fingerprint, renewed.kek.shareSetId]));
    const verified = ofType(lines, 'share.verified');
    expect(verified.map((l) => l.data.custodian)).toEqual(NEW_SET);
    const copies = ofType(lines, 'media.written');
    expect(copies).toHaveLength(2);
    const [voided] = ofType(lines, 'backup.voided');
    expect(voided?.data).toMatchObject({ shareSetId: old.kek.shareSetId, replacedBy: renewed.kek.shareSetId });
    expect(voided!.seq).toBeGreaterThan(Math.max(...verified.map((l) => l.seq), ...copies.map((l) => l.seq)));
  });

  it('leaves a bundle that conclave verify accepts', async () => {
    const judged = await conclaveVerify(run.bundleDir);
    expect(judged.accepted, judged.output).toBe(true);
  });

  it('rebuilds the new backup on the recovery drill from the three newcomers\' cards, refusing Erin\'s old card', async () => {
    const page = room.page;
    const renewed = JSON.parse(readFileSync(join(run.bundleDir, 'backup', 'backup.json'), 'utf8')) as BackupKek;
    const old = JSON.parse(readFileSync(join(root.sourceDir, 'backup', 'backup.json'), 'utf8')) as BackupKek;
    await page.getByRole('button', { name: 'Recovery drill with these shares' }).click();
    expect(await page.getByLabel('Bundle folder').inputValue()).toBe(run.bundleDir);
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await page.getByText('0 of 3 needed').waitFor({ timeout: 30_000 });
    const typeCard = async (card: CustodianCard) => {
      await page.getByLabel('Word 1', { exact: true }).fill(card.words.map((w) => w.slice(0, 4)).join(' '));
      await page.getByRole('button', { name: 'Check this share', exact: true }).click();
    };

    await typeCard(root.cards.find((c) => c.custodian === 'Erin Evans')!);
    // Named as a card of the set this rotation declared void, not as another ceremony's.
    const refused = page.getByRole('alert').filter({ hasText: `is from share set ${old.kek.shareSetId}, which this ceremony's transcript declared void` });
    await refused.waitFor();
    await refused.scrollIntoViewIfNeeded();
    await room.screen('drill-old-card-refused');
    expect(await refused.textContent()).toContain(`bring a card of the current set ${renewed.kek.shareSetId}`);
    // A card that will not be used does not stay on screen for the next custodian.
    expect(await page.getByLabel('Word 1', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText('0 of 3 needed').count()).toBe(1);

    for (const [i, name] of ['Heidi Hansen', 'Ivan Ivanov', 'Judy Jones'].entries()) {
      await typeCard(newCards.find((c) => c.custodian === name)!);
      await page.getByText(`${i + 1} of 3 needed`).waitFor();
    }
    await room.screen('drill-enough');
    await page.getByRole('button', { name: 'Rebuild the key and restore' }).click();
    await page.getByRole('heading', { name: /The backup is restored and every key proven/ }).waitFor({ timeout: 60_000 });
    await room.screen('drill-restored');
    const rows = await page.locator('.checks tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toContain('Pass');
  });

  it('has shown no console error and no CSP violation, and made no request outside the app', () => {
    expect(room.bridge.pageErrors).toEqual([]);
    expect(room.bridge.blockedRequests).toEqual([]);
  });
});
