import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { EXAMPLE_ROOT_SCRIPT } from '../../../main/ceremony/rehearsal/rehearse.js';
import { walkCeremony } from './ceremony-walker.js';
import { WizardRoom } from './wizard-room.js';

interface Line {
  type: string;
  step: string;
  data: { label?: string; interruptedStep?: string | null };
}

// A rehearsal interrupted in the middle of the custodian hand-offs: the
// engine is stopped under the page and started again, as after a crash. The
// page, opened again, offers to resume; the ceremony finishes from its
// transcript, the lost KEK's share set declared void and the backup made
// again, and no key generated twice.
describe('a ceremony interrupted mid-way and resumed from the home screen', () => {
  let room: WizardRoom;
  let bundleDir: string;
  let finished: CeremonyRun;
  let lines: Line[];

  beforeAll(async () => {
    room = await WizardRoom.open();
  });

  afterAll(async () => {
    await room?.close();
  });

  it('stops when the engine goes away during the third hand-off', async () => {
    await room.page.getByRole('button', { name: 'Rehearse a ceremony' }).click();
    await room.page.getByRole('note', { name: 'Rehearsal' }).waitFor();
    await walkCeremony(room, { until: (q) => q.kind === 'present-share' && q.custodian === 'Erin Evans' });
    bundleDir = room.engine.ceremonies.status()!.bundleDir;
    await room.restartEngine();
    expect(room.engine.ceremonies.status()).toBeNull();
    await room.page.getByRole('heading', { name: 'The ceremony stopped' }).waitFor();
    await room.screen('stopped');
  });

  it('offers the interrupted ceremony for resume when the app opens again, and resumes it', async () => {
    const page = room.page;
    await page.reload();
    await page.getByRole('heading', { name: 'An interrupted ceremony can be resumed' }).waitFor();
    expect(await page.getByText(/^12 of 22 steps done; last recorded /).count()).toBe(1);
    await room.screen('interrupted');
    await page.getByRole('button', { name: 'Resume acme-example-root-2026' }).click();
    await page.getByRole('note', { name: 'Rehearsal' }).waitFor();
    await page.getByText('Resumed', { exact: false }).first().waitFor();
  });

  it('finishes the ceremony from where it stopped, with the keyboard alone', async () => {
    await walkCeremony(room, { keyboardOnly: true });
    finished = room.engine.ceremonies.status()!;
    expect(finished.error).toBeNull();
    expect(finished.state).toBe('finished');
    expect(finished.bundleDir).toBe(bundleDir);
    await room.page.getByRole('heading', { name: 'The ceremony is closed and sealed' }).waitFor();
    lines = readFileSync(join(bundleDir, 'transcript.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  });

  it('recorded the resume, voided the share set whose KEK was lost, and generated no key twice', () => {
    const resumed = lines.filter((l) => l.type === 'ceremony.resumed');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]!.data.interruptedStep).toBe('handoff.3');
    expect(lines.filter((l) => l.type === 'backup.voided')).toHaveLength(1);
    const generated = lines.filter((l) => l.type === 'key.generated').map((l) => l.data.label);
    expect(generated).toHaveLength(3);
    expect(new Set(generated).size).toBe(3);
  });

  it('leaves a bundle that verifies', async () => {
    const report = await verifyBundle(bundleDir);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.verdict).toBe('verified');
  });

  it('no longer offers the finished ceremony for resume', async () => {
    expect(await room.engine.ceremonies.interrupted()).toEqual([]);
  });

  it('opens a script for review from the home screen: its SHA-256, the plan, and where the bundle goes', async () => {
    const page = room.page;
    await page.getByRole('button', { name: 'Back to start' }).click();
    await page.getByLabel('Script file').fill(EXAMPLE_ROOT_SCRIPT);
    await page.getByRole('button', { name: 'Open the script' }).click();
    await page.getByRole('heading', { name: /^The plan: 22 steps/ }).waitFor();
    const shown = (await page.locator('.sha-box .hex-large').innerText()).replace(/\s+/g, '');
    expect(shown).toBe(createHash('sha256').update(readFileSync(EXAMPLE_ROOT_SCRIPT)).digest('hex'));
    expect(await page.getByRole('button', { name: 'Start the ceremony' }).count()).toBe(1);
    await room.screen('script-open');
  });

  it('has shown no console error and no CSP violation', () => {
    expect(room.bridge.pageErrors).toEqual([]);
    expect(room.bridge.blockedRequests).toEqual([]);
  });
});
