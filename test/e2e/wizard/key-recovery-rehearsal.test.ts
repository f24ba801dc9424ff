import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import { conclaveVerify } from '../../hsm/ceremony/standard-tools.js';
import { walkCeremony, type WalkRecord } from './ceremony-walker.js';
import { expectShareRefusedOnScreen, ofType, readTranscript, recordFromCards, rehearseLaterKind, type PracticeRoot } from './practice-root.js';
import { WizardRoom } from './wizard-room.js';

const RESTORED = ['acme-example-root-2026', 'acme-example-master-2026', 'acme-example-audit-2026'];

// examples/key-recovery.yaml rehearsed on screen: the engine first makes the
// practice root unattended; Carol, Erin and Grace then type their shares
// back from that root's custodian cards (PDFs in its custodians/ folder, read
// as a person reads the paper), Erin with one word wrong first. The KEK is
// rebuilt and every key restored onto the empty replacement token.
describe('a key-recovery rehearsal walked on screen, shares typed from the practice root\'s cards', () => {
  let room: WizardRoom;
  let root: PracticeRoot;
  let record: WalkRecord;
  let run: CeremonyRun;
  const isRefusal = (q: HostQuestion) => q.kind === 'take-share' && q.problem !== undefined;

  beforeAll(async () => {
    room = await WizardRoom.open({ screenPrefix: 'key-recovery-' });
  });

  afterAll(async () => {
    await room?.close();
    for (const dir of [run?.bundleDir, root?.sourceDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the home screen and shows the practice root\'s folder, holding one PDF card per custodian', async () => {
    root = await rehearseLaterKind(room, 'key-recovery');
    expect(room.engine.ceremonies.status()!.script.plan.kind).toBe('key-recovery');
    expect(root.cards.map((c) => [c.custodian, c.member, c.memberCount, c.words.length])).toEqual(
      ['Carol Chen', 'Dave Dubois', 'Erin Evans', 'Frank Fischer', 'Grace Gupta'].map((name, i) => [name, i + 1, 5, 38]),
    );
    await room.screen('script-review-source');
  }, 300_000);

  it('names the mistyped word of Erin\'s card by its position on the share screen, after Carol\'s share was taken', async () => {
    record = recordFromCards(root.cards);
    await walkCeremony(room, { record, mistypingCustodian: 'Erin Evans', until: isRefusal });
    const page = room.page;
    await page.getByRole('heading', { name: 'Erin Evans, type your share back from your card' }).waitFor();
    expect(await page.getByText('1 of 3 shares entered').count()).toBe(1);
    await expectShareRefusedOnScreen(room, 'Word 5 (group 2, word 1) is wrong', 5);
  });

  it('walks on — Erin corrects the one word, Grace types hers, the KEK is rebuilt and the keys restored — to the close screen', async () => {
    await walkCeremony(room, { record, mistypingCustodian: 'Erin Evans' });
    run = room.engine.ceremonies.status()!;
    expect(run.error).toBeNull();
    expect(run.state).toBe('finished');
    expect(record.receiptProblem).toMatch(/^Word 5 \(group 2, word 1\) is wrong/);
    // Three custodians, Erin asked twice.
    expect(record.asked.filter((k) => k === 'take-share')).toHaveLength(4);
    const page = room.page;
    await page.getByRole('heading', { name: 'The ceremony is closed and sealed' }).waitFor();
    expect(await page.getByRole('note', { name: 'Rehearsal' }).innerText()).toContain('REHEARSAL');
    await room.screen('closed');
  });

  it('offers no recovery drill on the close screen: this ceremony made no shares', async () => {
    const page = room.page;
    expect(await page.getByRole('button', { name: 'Verify this bundle' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Recovery drill with these shares' }).count()).toBe(0);
  });

  it('recorded the three shares by the members and fingerprints on their cards, the refusal as a deviation, the KEK rebuilt with its recorded KCV, and every key restored and proven', () => {
    const lines = readTranscript(run.bundleDir);
    const card = (name: string) => root.cards.find((c) => c.custodian === name)!;
    expect(ofType(lines, 'share.accepted').map((l) => [l.data.custodian, l.data.index, l.data.fingerprint])).toEqual(['Carol Chen', 'Erin Evans', 'Grace Gupta'].map((n) => [n, card(n).member, card(n).fingerprint]));
    expect(ofType(lines, 'deviation.recorded').filter((l) => l.data.code === 'share.word-wrong').map((l) => l.data.description)).toEqual([expect.stringContaining('Erin Evans')]);
    const backup = JSON.parse(readFileSync(join(root.sourceDir, 'backup', 'backup.json'), 'utf8')) as { kek: { kcv: string; shareSetId: string } };
    expect(ofType(lines, 'kek.rebuilt').map((l) => l.data)).toEqual([expect.objectContaining({ kcv: backup.kek.kcv, shareSetId: backup.kek.shareSetId, members: [1, 3, 5] })]);
    const restored = ofType(lines, 'key.restored');
    expect(restored.map((l) => l.data.label)).toEqual(RESTORED);
    for (const line of restored) expect(line.data.proof).toEqual(expect.any(String));
  });

  it('leaves a bundle that conclave verify accepts', async () => {
    const judged = await conclaveVerify(run.bundleDir);
    expect(judged.accepted, judged.output).toBe(true);
  });

  it('has shown no console error and no CSP violation, and made no request outside the app', () => {
    expect(room.bridge.pageErrors).toEqual([]);
    expect(room.bridge.blockedRequests).toEqual([]);
  });
});
