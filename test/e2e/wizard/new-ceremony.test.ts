import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import { focused, walkCeremony } from './ceremony-walker.js';
import { WizardRoom } from './wizard-room.js';

// The home page's two ways to a ceremony besides the example root rehearsal:
// a new script written from the template form (a mistake first, shown beside
// its field, then fixed), opened for review with its SHA-256; and a later
// kind (crl-signing) rehearsed through the same runner screens, on the
// practice root the engine rehearses first.
describe('the home page: a new ceremony from a template, and a later kind rehearsed', () => {
  let room: WizardRoom;
  let folder: string;

  beforeAll(async () => {
    room = await WizardRoom.open();
    folder = mkdtempSync(join(tmpdir(), 'conclave-new-script-'));
  });

  afterAll(async () => {
    await room?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  describe('new ceremony from a template', () => {
    const file = () => join(folder, 'acme-test-root-2027.yaml');

    it('opens the form filled with the example root script', async () => {
      const page = room.page;
      await page.getByRole('button', { name: 'New ceremony from a template' }).waitFor();
      await room.screen('home-start');
      await page.getByRole('button', { name: 'New ceremony from a template' }).click();
      await page.getByLabel('Ceremony id').waitFor();
      expect(await page.getByLabel('Ceremony id').inputValue()).toBe('acme-example-root-2026');
      expect(await page.getByLabel('Participant 4: name').inputValue()).toBe('Carol Chen');
      expect(await page.getByLabel('Threshold: custodians needed to rebuild the backup key').inputValue()).toBe('3');
      await room.screen('template-form');
      for (const [field, name] of [['Participant 1: name', 'template-participants'], ['Key 1: name', 'template-keys'], ['Sealed share files', 'template-backup'], ['root: line 1, attribute', 'template-certificates'], ['Step roll-call', 'template-instructions']] as const) {
        await page.evaluate((label) => {
          const doc = (globalThis as unknown as { document: { querySelector(s: string): { scrollIntoView(o: object): void } | null } }).document;
          doc.querySelector(`label[for="${label}"]`)?.scrollIntoView({ block: 'start' });
        }, await page.getByLabel(field, { exact: true }).getAttribute('id'));
        await room.screen(name);
      }
    });

    it('shows a threshold above the custodian count beside the threshold field, and in the list at the top, and writes nothing', async () => {
      const page = room.page;
      await page.getByLabel('Ceremony id').fill('acme-test-root-2027');
      await page.getByLabel('Title').fill('ACME Test Root CA 2027 — key generation');
      await page.getByRole('button', { name: 'Remove participant 8 (Grace Gupta)' }).click();
      await page.getByLabel('Threshold: custodians needed to rebuild the backup key').fill('5');
      await page.getByLabel('New script file').fill(file());
      await page.getByRole('button', { name: 'Save the script' }).click();

      const beside = page.locator('#field-backup-threshold-problems');
      await beside.waitFor();
      expect(await beside.innerText()).toContain('threshold 5 is more than the 4 custodians listed');
      expect(await page.getByLabel('Threshold: custodians needed to rebuild the backup key').getAttribute('aria-invalid')).toBe('true');
      const summary = page.getByRole('alert').filter({ hasText: 'to fix before the script can be saved' });
      expect(await summary.innerText()).toContain('Backup › threshold');
      await room.screen('template-problem');
      await page.getByLabel('Threshold: custodians needed to rebuild the backup key').scrollIntoViewIfNeeded();
      await room.screen('template-problem-beside-field');
      expect(existsSync(file())).toBe(false);
    });

    it('leads the keyboard from the list of problems to the field', async () => {
      const page = room.page;
      await page.getByRole('button', { name: 'Backup › threshold' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(room)).toMatchObject({ id: 'field-backup-threshold' });
    });

    it('clears the problem once fixed, saves the script and opens it for review with its SHA-256', async () => {
      const page = room.page;
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await expect.poll(() => page.locator('#field-backup-threshold-problems').count()).toBe(0);
      await page.getByRole('button', { name: 'Save the script' }).click();
      await page.getByRole('heading', { name: 'Review the script' }).waitFor();
      await page.locator('.sha-box .hex-large').waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'The new script was written to' }).innerText()).toContain(file());
      const sha256 = createHash('sha256').update(readFileSync(file())).digest('hex');
      expect((await page.locator('.sha-box .hex-large').innerText()).replace(/\s+/g, '')).toBe(sha256);
      await room.screen('template-saved-review');
    });

    it('wrote a script the loader accepts, with what was typed', async () => {
      const loaded = await loadScript(file());
      expect(loaded.script.id).toBe('acme-test-root-2027');
      expect(loaded.script.kind === 'root-key-generation' && loaded.script.backup).toMatchObject({ threshold: 3, custodians: ['Carol Chen', 'Dave Dubois', 'Erin Evans', 'Frank Fischer'] });
      expect(loaded.script.participants.map((p) => p.name)).not.toContain('Grace Gupta');
    });
  });

  describe('a later kind from its example', () => {
    it('is saved from the form, its missing source bundle named on review, and a rehearsal still offered', async () => {
      const page = room.page;
      await page.getByRole('button', { name: 'Back to start' }).click();
      await page.getByRole('button', { name: 'New ceremony from a template' }).click();
      await page.getByLabel('Kind of ceremony').selectOption('key-destruction');
      await page.getByText('examples/key-destruction.yaml').waitFor();
      await page.getByLabel('Ceremony id').fill('acme-test-destruction-2027');
      await page.getByLabel('New script file').fill(join(folder, 'destruction.yaml'));
      await room.screen('template-later-kind');
      await page.getByRole('button', { name: 'Save the script' }).click();
      await page.getByRole('button', { name: 'Rehearse this script' }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'nothing was run' }).innerText()).toContain('bundles/acme-example-root-2026');
      expect(readFileSync(join(folder, 'destruction.yaml'), 'utf8')).toMatch(/^kind: key-destruction$[\s\S]*^id: acme-test-destruction-2027$/m);
      await room.screen('template-later-kind-review');
    });
  });

  describe('a later kind rehearsed through the runner screens', () => {
    it('rehearses crl-signing on the practice root the engine rehearses first, to its close screen, by clicks', async () => {
      const page = room.page;
      await page.getByRole('button', { name: 'Back to start' }).click();
      await page.getByLabel('Ceremony to rehearse').selectOption('crl-signing');
      await page.getByRole('button', { name: 'Rehearse a ceremony' }).click();
      await page.getByRole('note', { name: 'Rehearsal' }).waitFor();
      await page.getByText('Rehearsing the example root ceremony first').waitFor();
      await room.screen('later-kind-practice-root');
      // The practice root runs unattended before the first question of the crl-signing ceremony.
      await room.nextQuestion(undefined, 240_000);
      const settings = page.locator('.room-settings');
      await settings.getByText('Source bundle').waitFor();
      expect(await settings.innerText()).toContain('custodian cards');
      await room.screen('later-kind-script-review');
      await walkCeremony(room);
      const run = room.engine.ceremonies.status()!;
      expect(run.error).toBeNull();
      expect(run.state).toBe('finished');
      expect(run.script.plan.kind).toBe('crl-signing');
      await page.getByRole('heading', { name: 'The ceremony is closed and sealed' }).waitFor();
      expect(await page.getByRole('note', { name: 'Rehearsal' }).innerText()).toContain('REHEARSAL');
      await room.screen('later-kind-closed');

      expect((await verifyBundle(run.bundleDir)).verdict).toBe('verified');
      const opened = JSON.parse(readFileSync(join(run.bundleDir, 'transcript.jsonl'), 'utf8').split('\n')[0]!) as { data: { rehearsal?: boolean; sourceDir?: string } };
      expect(opened.data.rehearsal).toBe(true);
      expect(existsSync(join(opened.data.sourceDir!, 'custodians', '001-carol-chen.pdf'))).toBe(true);
      execFileSync('openssl', ['crl', '-inform', 'DER', '-in', 'crls/root.crl', '-CAfile', 'certs/root.pem', '-noout'], { cwd: run.bundleDir, stdio: 'pipe' });
      for (const dir of [run.bundleDir, opened.data.sourceDir!]) rmSync(dir, { recursive: true, force: true });
    });
  });

  it('has shown no console error and no CSP violation, and made no request outside the app', () => {
    expect(room.bridge.pageErrors).toEqual([]);
    expect(room.bridge.blockedRequests).toEqual([]);
  });
});
