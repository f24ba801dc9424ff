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

/**
 * How each run stops: the room stops (the host declines) at the first
 * acknowledgement whose title matches `stopAt`; then, to play a power loss,
 * the transcript is cut just before the first line `cutFrom` picks, if any.
 */
interface Interruption {
  stopAt: RegExp;
  cutFrom?: (e: TranscriptEvent) => boolean;
  /** Keep the first half of the line cut from, as a write torn by a crash or a full disk leaves it. */
  tornLine?: boolean;
  /** Whether the outcome's event survived the stop (if not, the step is done again, signing anew). */
  outcomeRecordedBeforeResume: boolean;
  /** The step whose outcome must be recorded once: the event, its name, and the witness's acknowledgement of it. */
  outcome: { type: 'cert.issued' | 'crl.issued'; name: string; signed: string };
  /** Whether the witness's acknowledgement of the outcome survived the stop. */
  acknowledgedBeforeResume: boolean;
  /** The first resume stops at the login (the PIN not given), after it removed what the stop left; a second resume finishes. */
  firstResumeStopsAtLogin?: boolean;
}

const ROOT_CERTIFICATE = { type: 'cert.issued', name: 'root', signed: 'Certificate root signed' } as const;
const isOutcome = (e: TranscriptEvent, o: Interruption['outcome']) => e.type === o.type && e.data.name === o.name;

// The root certificate's files and cert.issued go into the transcript in one
// write: a crash or a full disk can tear it after the .der's file.written.
const TORN_ROOT_WRITE: Interruption = {
  stopAt: /^Certificate audit reviewed$/,
  cutFrom: (e) => e.type === 'file.written' && e.data.path === 'certs/root.pem',
  tornLine: true,
  outcome: ROOT_CERTIFICATE,
  outcomeRecordedBeforeResume: false,
  acknowledgedBeforeResume: false,
};

/** The practice host's answers, but for the questions `except` answers its own way. */
function practiceAnswers(practice: PracticeHost, except: Partial<CeremonyHost>): CeremonyHost {
  return {
    acknowledge: (q) => practice.acknowledge(q),
    confirm: (q) => practice.confirm(q),
    presentShare: (q) => practice.presentShare(q),
    takeShare: (q) => practice.takeShare(q),
    enterPin: (q) => practice.enterPin(q),
    chooseMedia: (q) => practice.chooseMedia(q),
    choosePassphrase: (q) => practice.choosePassphrase(q),
    ...except,
  };
}

const interruptions: Record<string, Interruption> = {
  "the power went out before the root certificate step's step.completed reached the disk": {
    stopAt: /^Certificate audit reviewed$/,
    cutFrom: (e) => e.type === 'step.completed' && e.step === 'certificate.root',
    outcome: ROOT_CERTIFICATE,
    outcomeRecordedBeforeResume: true,
    acknowledgedBeforeResume: true,
  },
  "the power went out between the root certificate's cert.issued and the witness's acknowledgement": {
    stopAt: /^Certificate audit reviewed$/,
    cutFrom: (e) => e.type === 'witness.acknowledged' && e.data.what === ROOT_CERTIFICATE.signed,
    outcome: ROOT_CERTIFICATE,
    outcomeRecordedBeforeResume: true,
    acknowledgedBeforeResume: false,
  },
  "the root certificate's group write was torn in its .pem's file.written": TORN_ROOT_WRITE,
  "the root certificate's group write was torn, and the first resume stopped at the login": { ...TORN_ROOT_WRITE, firstResumeStopsAtLogin: true },
  'the room stopped when the signed CRL was shown to the witness': {
    stopAt: /^CRL root signed$/,
    outcome: { type: 'crl.issued', name: 'root', signed: 'CRL root signed' },
    outcomeRecordedBeforeResume: true,
    acknowledgedBeforeResume: false,
  },
};

/**
 * step.completed is written without its own fsync (the next step.started's
 * covers it), and a stop can fall between a certificate's or CRL's record and
 * the witness's acknowledgement of it. Each case stops a root ceremony there
 * on purpose and resumes it: the outcome is recorded once, never signed
 * again, and acknowledged by the witness once.
 */
describe.each(Object.entries(interruptions))('a root ceremony where %s', (_, interruption) => {
  let store: TestTokenStore;
  let work: string;
  let bundle: string;
  let linesKept: number;

  beforeAll(async () => {
    store = createTokenStore(['acme-root']);
    work = mkdtempSync(join(tmpdir(), 'conclave-lost-completion-'));
    bundle = join(work, 'bundle');
    const pins = () => new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]]);
    const practice = new PracticeHost(pins());
    const stopping = practiceAnswers(practice, {
      acknowledge: async (q) => {
        if (interruption.stopAt.test(q.title)) throw new HostDeclined('The room stopped.');
        return practice.acknowledge(q);
      },
    });
    await expect(startCeremony({ scriptPath: EXAMPLE_ROOT_SCRIPT, bundleDir: bundle, host: stopping, rehearsal: true, modulePath: SOFTHSM_MODULE })).rejects.toBeInstanceOf(HostDeclined);
    const events = readEvents(bundle);
    linesKept = events.length;
    if (interruption.cutFrom) {
      linesKept = events.findIndex(interruption.cutFrom);
      expect(linesKept).toBeGreaterThan(0);
      const lines = readFileSync(transcriptOf(bundle), 'utf8').split('\n');
      const torn = interruption.tornLine ? Math.floor(Buffer.byteLength(lines[linesKept]!) / 2) : 0;
      truncateSync(transcriptOf(bundle), Buffer.byteLength(lines.slice(0, linesKept).map((l) => `${l}\n`).join('')) + torn);
    }
    if (interruption.firstResumeStopsAtLogin) {
      const noPin = practiceAnswers(new PracticeHost(pins()), {
        enterPin: async () => {
          throw new HostDeclined('The administrator is not back yet.');
        },
      });
      await expect(resumeCeremony({ bundleDir: bundle, host: noPin, modulePath: SOFTHSM_MODULE })).rejects.toBeInstanceOf(HostDeclined);
    }
    await resumeCeremony({ bundleDir: bundle, host: new PracticeHost(pins()), modulePath: SOFTHSM_MODULE });
  }, 240_000);

  afterAll(() => {
    store?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('stopped where the test meant: the step not completed, its outcome recorded or not as the case says', () => {
    const before = readEvents(bundle).slice(0, linesKept);
    expect(before.some((e) => isOutcome(e, interruption.outcome))).toBe(interruption.outcomeRecordedBeforeResume);
    const step = readEvents(bundle).find((e) => isOutcome(e, interruption.outcome))!.step;
    expect(before.some((e) => e.type === 'step.started' && e.step === step)).toBe(true);
    expect(before.some((e) => e.type === 'step.completed' && e.step === step)).toBe(false);
    expect(before.some((e) => e.type === 'witness.acknowledged' && e.data.what === interruption.outcome.signed)).toBe(interruption.acknowledgedBeforeResume);
  });

  it('resumes, records the resume where the transcript stopped, and records the outcome once', () => {
    const events = readEvents(bundle);
    expect(events.findIndex((e) => e.type === 'ceremony.resumed')).toBe(linesKept);
    const outcome = events.filter((e) => isOutcome(e, interruption.outcome));
    expect(outcome).toHaveLength(1);
    expect(events.filter((e) => e.type === 'step.completed' && e.step === outcome[0]!.step)).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('ceremony.closed');
  });

  it('records in ceremony.resumed what the stop left half done: a torn line cut, and the files of an outcome not recorded', () => {
    const resumed = readEvents(bundle).find((e) => e.type === 'ceremony.resumed')!;
    expect(resumed.data.discardedPartialLine !== undefined).toBe(interruption.tornLine === true);
    const discarded = (resumed.data.discardedFiles as { path: string }[]).map((f) => f.path);
    expect(discarded).toEqual(interruption.outcomeRecordedBeforeResume ? [] : expect.arrayContaining(['certs/root.der', 'certs/root.pem']));
  });

  it('records one ceremony.resumed per attempt to resume', () => {
    expect(readEvents(bundle).filter((e) => e.type === 'ceremony.resumed')).toHaveLength(interruption.firstResumeStopsAtLogin ? 2 : 1);
  });

  it('has the witness acknowledge the signed outcome exactly once', () => {
    expect(readEvents(bundle).filter((e) => e.type === 'witness.acknowledged' && e.data.what === interruption.outcome.signed)).toHaveLength(1);
  });

  it('ends with a bundle that conclave verify accepts', async () => {
    const verdict = await conclaveVerify(bundle);
    expect(verdict.accepted, verdict.output).toBe(true);
  });
});
