import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { newShareSetId, splitKek } from '../../../main/custody/kek-split.js';
import { shareToWords } from '../../../main/custody/share-words.js';
import { canMount, tryMountTmpfs } from '../../unit/bundle/scratch-mount.js';
import { walkCeremony, type WalkRecord } from './ceremony-walker.js';
import { STICK_NAME, WizardRoom } from './wizard-room.js';

// One rehearsal for the whole file: the example root ceremony walked on
// screen by clicks and typing, against the real engine on SoftHSM; then the
// bundle it made is checked by Conclave's verify and by openssl, and its
// backup recovered on the recovery screen from three of the shares read off
// the hand-off screens.
describe('a root rehearsal walked on screen, by clicks and typing', () => {
  let room: WizardRoom;
  let walk: WalkRecord;
  let run: CeremonyRun;
  let copy: string;

  beforeAll(async () => {
    room = await WizardRoom.open();
  });

  afterAll(async () => {
    await room?.close();
  });

  it('starts a rehearsal from the home screen, with the REHEARSAL banner on every ceremony screen', async () => {
    const page = room.page;
    await page.getByRole('button', { name: 'Rehearse a ceremony' }).waitFor();
    await room.screen('home');
    await page.getByRole('button', { name: 'Rehearse a ceremony' }).click();
    await page.getByRole('note', { name: 'Rehearsal' }).waitFor();
    expect(await page.getByRole('note', { name: 'Rehearsal' }).innerText()).toContain('REHEARSAL');
  });

  it('shows the script SHA-256 in large type with the room settings apart, as the first step', async () => {
    const page = room.page;
    await page.locator('.sha-box .hex-large').waitFor();
    const status = room.engine.ceremonies.status()!;
    const shown = (await page.locator('.sha-box .hex-large').innerText()).replace(/\s+/g, '');
    expect(shown).toBe(status.script.sha256);
    expect(await page.getByRole('heading', { name: 'Room settings (not part of the script)' }).count()).toBe(1);
  });

  it('records a deviation from the form that is always at hand', async () => {
    const page = room.page;
    await page.getByRole('button', { name: 'Record a deviation' }).click();
    await page.getByLabel('What differs from the script').fill('The room clock was set by hand before the ceremony.');
    await room.screen('deviation');
    await page.getByRole('button', { name: 'Record it in the transcript' }).click();
    await page.getByText('Recorded in the transcript').waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('walks every step — pre-flight, PIN, roll call, keys, five hand-offs with re-entry, certificates signed by typing SIGN, two USB copies — to the close', async () => {
    walk = await walkCeremony(room, { keyboardCustodian: 'Carol Chen', mistypingCustodian: 'Dave Dubois', wrongPinFirst: true });
    run = room.engine.ceremonies.status()!;
    expect(run.error).toBeNull();
    expect(run.state).toBe('finished');
    expect([...walk.words.keys()]).toEqual(['Carol Chen', 'Dave Dubois', 'Erin Evans', 'Frank Fischer', 'Grace Gupta']);
    expect(walk.asked.filter((k) => k === 'confirm').length).toBeGreaterThanOrEqual(4);
    expect(walk.asked.filter((k) => k === 'choose-media')).toHaveLength(2);
  });

  it('says why a wrong PIN was refused, and logs in with the right one', () => {
    expect(walk.pinProblem).toMatch(/PIN/);
    expect(walk.asked.filter((k) => k === 'enter-pin')).toHaveLength(2);
  });

  it('names the position of the mistyped word when a custodian re-enters a share, and accepts the correction', () => {
    expect(walk.receiptProblem).toMatch(/^Word 5 \(group 2, word 1\) is wrong/);
    expect(walk.asked.filter((k) => k === 'take-share')).toHaveLength(6);
  });

  it('shows the closed bundle with its location and the SHA-256 of SHA256SUMS', async () => {
    const page = room.page;
    await page.getByRole('heading', { name: 'The ceremony is closed and sealed' }).waitFor();
    const sums = readFileSync(join(run.bundleDir, 'SHA256SUMS'));
    const { createHash } = await import('node:crypto');
    const shown = (await page.locator('.close .hex-large').innerText()).replace(/\s+/g, '');
    expect(shown).toBe(createHash('sha256').update(sums).digest('hex'));
    expect(await page.getByText(run.bundleDir, { exact: true }).count()).toBe(1);
    await room.screen('closed');
  });

  it('copies the bundle to the USB drive, each file read back and listed', async () => {
    const page = room.page;
    await page.getByRole('button', { name: `Copy the bundle to ${STICK_NAME}` }).click();
    await page.locator('.copy-result').waitFor({ timeout: 30_000 });
    copy = join(room.usb, basename(run.bundleDir));
    expect(existsSync(join(copy, 'SHA256SUMS'))).toBe(true);
    const listed = await page.locator('.file-results li').count();
    expect(listed).toBe(readFileSync(join(copy, 'SHA256SUMS'), 'utf8').trim().split('\n').length);
    await room.screen('export-bundle');
  });

  it.skipIf(!canMount())('refuses a full drive and a read-only drive with what to do, leaving nothing on them (needs tmpfs mounts)', async () => {
    const page = room.page;
    const full = tryMountTmpfs('64k')!;
    const locked = tryMountTmpfs('4m')!;
    locked.remountReadOnly();
    try {
      await room.plugIn('FULL-USB', full.dir);
      await room.plugIn('LOCKED-USB', locked.dir);
      await page.getByRole('button', { name: 'Copy the bundle to FULL-USB' }).click();
      await page.getByRole('alert').filter({ hasText: 'Nothing was written: use a larger or emptier medium.' }).waitFor();
      await room.screen('export-full');
      await page.getByRole('button', { name: 'Copy the bundle to LOCKED-USB' }).click();
      await page.getByRole('alert').filter({ hasText: 'MEDIA_READ_ONLY' }).waitFor();
      await room.screen('export-read-only');
      expect(readdirSync(full.dir)).toEqual([]);
      expect(readdirSync(locked.dir)).toEqual([]);
    } finally {
      room.moreMedia.length = 0;
      full.unmount();
      locked.unmount();
    }
  });

  it('the copy verifies with conclave verify', async () => {
    const report = await verifyBundle(copy);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('verified');
  });

  it("the copy passes FORMATS.md's sha256sum and openssl commands", () => {
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: copy, stdio: 'pipe' }).toString();
    expect(run('sha256sum', ['-c', 'SHA256SUMS'])).not.toMatch(/FAILED/);
    run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'transcript.jsonl.p7s', '-content', 'transcript.jsonl', '-CAfile', 'certs/root.pem', '-purpose', 'any', '-out', '/dev/null']);
    expect(run('openssl', ['verify', '-x509_strict', '-check_ss_sig', '-CAfile', 'certs/root.pem', 'certs/root.pem'])).toContain('OK');
    expect(run('openssl', ['verify', '-x509_strict', '-CAfile', 'certs/root.pem', 'certs/issuing-ca.pem'])).toContain('OK');
    run('openssl', ['crl', '-inform', 'DER', '-in', 'crls/root.crl', '-CAfile', 'certs/root.pem', '-noout']);
  });

  it('recorded the deviation typed on screen in the transcript, by the witness', () => {
    const lines = readFileSync(join(copy, 'transcript.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; actor: string; data: { description?: string } });
    const deviation = lines.find((l) => l.type === 'deviation.recorded' && l.data.description === 'The room clock was set by hand before the ceremony.');
    expect(deviation?.actor).toBe('Walter White');
  });

  it('verifies the bundle on the verify screen, every check with its result', async () => {
    const page = room.page;
    await page.getByRole('button', { name: 'Verify this bundle' }).click();
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('heading', { name: 'Verified: every check passed' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.checks tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('.checks .status-fail').count()).toBe(0);
    await room.screen('verify');
  });

  it('recovers the backup from three shares typed on the recovery screen, naming a mistyped word and a share of another ceremony', async () => {
    const page = room.page;
    await page.getByRole('button', { name: 'Back to start' }).click();
    await page.getByRole('button', { name: 'Recover a backup' }).click();
    await page.getByLabel('Bundle folder').fill(run.bundleDir);
    await room.screen('recovery-open');
    await page.getByRole('button', { name: 'Open the backup' }).click();
    await page.getByText('0 of 3 needed').waitFor({ timeout: 30_000 });

    const typeShare = async (words: string[]) => {
      await page.getByLabel('Word 1', { exact: true }).fill(words.join(' '));
      await page.getByRole('button', { name: 'Check this share', exact: true }).click();
    };
    const erin = walk.words.get('Erin Evans')!;
    const mistyped = [...erin];
    mistyped[6] = erin[6] === 'zoo' ? 'zone' : 'zoo';
    await typeShare(mistyped);
    await page.getByRole('alert').filter({ hasText: 'Word 7 (group 2, word 3) is wrong' }).waitFor();
    await room.screen('recovery-word-wrong');
    await page.getByLabel('Word 7', { exact: true }).fill(erin[6]!.slice(0, 4));
    await page.getByRole('button', { name: 'Check this share', exact: true }).click();
    await page.getByText('1 of 3 needed').waitFor();

    await typeShare(await foreignShare());
    await page.getByRole('alert').filter({ hasText: 'is from another ceremony' }).waitFor();
    await room.screen('recovery-other-ceremony');
    expect(await page.getByText('1 of 3 needed').count()).toBe(1);

    for (const name of ['Frank Fischer', 'Grace Gupta']) {
      await typeShare(walk.words.get(name)!.map((w) => w.slice(0, 4)));
      await page.getByText(`${name}'s share`, { exact: false }).waitFor();
    }
    await page.getByText('3 of 3 needed').waitFor();
    await room.screen('recovery-enough');
    await page.getByRole('button', { name: 'Rebuild the key and restore' }).click();
    await page.getByRole('heading', { name: /The backup is restored and every key proven/ }).waitFor({ timeout: 60_000 });
    await room.screen('recovery-restored');
    const rows = await page.locator('.checks tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toContain('Pass');
  });

  it('loads less than 300 KB of JavaScript, gzipped, at start', () => {
    const assets = join(room.rendererDir, 'assets');
    const bytes = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('has shown no console error and no CSP violation, and made no request outside the app', () => {
    expect(room.bridge.pageErrors).toEqual([]);
    expect(room.bridge.blockedRequests).toEqual([]);
  });
});

/** A share of another ceremony's KEK (another share set), as a custodian holding two cards might bring it. */
async function foreignShare(): Promise<string[]> {
  const [envelope] = await splitKek(crypto.getRandomValues(new Uint8Array(32)), { setId: newShareSetId(), threshold: 3, shareCount: 5 });
  return shareToWords(envelope!);
}
