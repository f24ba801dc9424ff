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

let store: TestTokenStore;
let work: string;
let bundle: string;
let cut: { rootStep: string; linesKept: number };

const transcriptPath = () => join(bundle, 'transcript.jsonl');
const readEvents = (): TranscriptEvent[] => readFileSync(transcriptPath(), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TranscriptEvent);

/**
 * step.completed is written without its own fsync (the next step.started's
 * covers it). A power loss before that fsync loses both lines: this file
 * makes that loss on purpose — a root ceremony stopped at the review of the
 * certificate after the root's, its transcript cut just before the root
 * certificate step's step.completed — and resumes it.
 */
beforeAll(async () => {
  store = createTokenStore(['acme-root']);
  work = mkdtempSync(join(tmpdir(), 'conclave-lost-completion-'));
  bundle = join(work, 'bundle');
  const practice = new PracticeHost(new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]]));
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
  const events = readEvents();
  const rootStep = events.find((e) => e.type === 'cert.issued' && e.data.name === 'root')!.step;
  const completion = events.findIndex((e) => e.type === 'step.completed' && e.step === rootStep);
  expect(completion).toBeGreaterThan(0);
  const lines = readFileSync(transcriptPath(), 'utf8').split('\n');
  truncateSync(transcriptPath(), Buffer.byteLength(lines.slice(0, completion).map((l) => `${l}\n`).join('')));
  cut = { rootStep, linesKept: completion };
  await resumeCeremony({ bundleDir: bundle, host: new PracticeHost(new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]])), modulePath: SOFTHSM_MODULE });
}, 240_000);

afterAll(() => {
  store?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a ceremony whose last, unsynced step.completed was lost', () => {
  it('was cut where the test meant: the root certificate issued, its completion gone', () => {
    const before = readEvents().slice(0, cut.linesKept);
    expect(before.some((e) => e.type === 'cert.issued' && e.step === cut.rootStep)).toBe(true);
    expect(before.some((e) => e.type === 'step.completed' && e.step === cut.rootStep)).toBe(false);
  });

  it('resumes inside that step, records the resume, and completes it once without signing again', () => {
    const events = readEvents();
    const resumed = events.findIndex((e) => e.type === 'ceremony.resumed');
    expect(resumed).toBe(cut.linesKept);
    expect(events.filter((e) => e.type === 'cert.issued' && e.data.name === 'root')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step.completed' && e.step === cut.rootStep)).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('ceremony.closed');
  });

  it('ends with a bundle that conclave verify accepts', async () => {
    const verdict = await conclaveVerify(bundle);
    expect(verdict.accepted, verdict.output).toBe(true);
  });
});
