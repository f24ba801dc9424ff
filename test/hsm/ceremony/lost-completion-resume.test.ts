import { mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import { EXAMPLE_ROOT_SCRIPT } from '../../../main/ceremony/rehearsal/rehearse.js';
import { HostDeclined, type CeremonyHost } from '../../../main/ceremony/runner/ceremony-host.js';
import { resumeCeremony } from '../../../main/ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';
import { conclaveVerify } from './standard-tools.js';

// The printed documents are not what this file is about: HTML stand-ins, no Chromium.
process.env.CONCLAVE_CHROMIUM = '/nonexistent/no-chromium-in-this-test';

const transcriptOf = (bundle: string) => join(bundle, 'transcript.jsonl');
const readEvents = (bundle: string): TranscriptEvent[] => readFileSync(transcriptOf(bundle), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TranscriptEvent);

/** Where the power went out: just before this line of the root certificate's step. */
type LostFrom = 'its step.completed' | "the witness's acknowledgement of the signed certificate";

const firstLost: Record<LostFrom, (e: TranscriptEvent, rootStep: string) => boolean> = {
  'its step.completed': (e, rootStep) => e.type === 'step.completed' && e.step === rootStep,
  "the witness's acknowledgement of the signed certificate": (e, rootStep) => e.type === 'witness.acknowledged' && e.step === rootStep && e.data.what === 'Certificate root signed',
};

/**
 * step.completed is written without its own fsync (the next step.started's
 * covers it), and a crash can fall between a certificate's cert.issued and
 * the witness's acknowledgement of it. This file makes each loss on purpose —
 * a root ceremony stopped at the review of the certificate after the root's,
 * its transcript cut just before the line named — and resumes it.
 */
describe.each(Object.keys(firstLost) as LostFrom[])('a root ceremony whose transcript lost everything from %s on', (lostFrom) => {
  let store: TestTokenStore;
  let work: string;
  let bundle: string;
  let cut: { rootStep: string; linesKept: number };

  beforeAll(async () => {
    store = createTokenStore(['acme-root']);
    work = mkdtempSync(join(tmpdir(), 'conclave-lost-completion-'));
    bundle = join(work, 'bundle');
    const pins = () => new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]]);
    const practice = new PracticeHost(pins());
    let certificatesReviewed = 0;
    const stopping: CeremonyHost = {
      acknowledge: async (q) => {
        if (/^Certificate .* reviewed$/.test(q.title) && ++certificatesReviewed === 2) throw new HostDeclined('The power went out.');
        return practice.acknowledge(q);
      },
      confirm: (q) => practice.confirm(q),
      presentShare: (q) => practice.presentShare(q),
      takeShare: (q) => practice.takeShare(q),
      enterPin: (q) => practice.enterPin(q),
      chooseMedia: (q) => practice.chooseMedia(q),
      choosePassphrase: (q) => practice.choosePassphrase(q),
    };
    await expect(startCeremony({ scriptPath: EXAMPLE_ROOT_SCRIPT, bundleDir: bundle, host: stopping, rehearsal: true, modulePath: SOFTHSM_MODULE })).rejects.toBeInstanceOf(HostDeclined);
    const events = readEvents(bundle);
    const rootStep = events.find((e) => e.type === 'cert.issued' && e.data.name === 'root')!.step;
    const lost = events.findIndex((e) => firstLost[lostFrom](e, rootStep));
    expect(lost).toBeGreaterThan(0);
    const lines = readFileSync(transcriptOf(bundle), 'utf8').split('\n');
    truncateSync(transcriptOf(bundle), Buffer.byteLength(lines.slice(0, lost).map((l) => `${l}\n`).join('')));
    cut = { rootStep, linesKept: lost };
    await resumeCeremony({ bundleDir: bundle, host: new PracticeHost(pins()), modulePath: SOFTHSM_MODULE });
  }, 240_000);

  afterAll(() => {
    store?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('was cut where the test meant: the root certificate issued, the rest of its step gone', () => {
    const before = readEvents(bundle).slice(0, cut.linesKept);
    expect(before.some((e) => e.type === 'cert.issued' && e.step === cut.rootStep)).toBe(true);
    expect(before.some((e) => firstLost[lostFrom](e, cut.rootStep))).toBe(false);
  });

  it('resumes inside that step, records the resume, and completes it once without signing again', () => {
    const events = readEvents(bundle);
    expect(events.findIndex((e) => e.type === 'ceremony.resumed')).toBe(cut.linesKept);
    expect(events.filter((e) => e.type === 'cert.issued' && e.data.name === 'root')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step.completed' && e.step === cut.rootStep)).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('ceremony.closed');
  });

  it('has the witness acknowledge the signed root certificate exactly once', () => {
    const acknowledged = readEvents(bundle).filter((e) => firstLost["the witness's acknowledgement of the signed certificate"](e, cut.rootStep));
    expect(acknowledged).toHaveLength(1);
  });

  it('ends with a bundle that conclave verify accepts', async () => {
    const verdict = await conclaveVerify(bundle);
    expect(verdict.accepted, verdict.output).toBe(true);
  });
});
