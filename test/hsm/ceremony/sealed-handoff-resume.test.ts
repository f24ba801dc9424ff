import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PracticeHost, practicePassphrase } from '../../../main/ceremony/rehearsal/practice-host.js';
import { HostDeclined, type CeremonyHost } from '../../../main/ceremony/runner/ceremony-host.js';
import { resumeCeremony } from '../../../main/ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import { unsealShare } from '../../../main/custody/sealed-share-file.js';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';
import { conclaveVerify } from './standard-tools.js';

// The printed cards are not what this file is about: HTML stand-ins, no Chromium.
process.env.CONCLAVE_CHROMIUM = '/nonexistent/no-chromium-in-this-test';

const SCRIPT = join(import.meta.dirname, 'sealed-handoff.yaml');
const STEM = 'REHEARSAL-sealed-handoff-test-root-share-002-dave-dubois-';

let store: TestTokenStore;
let work: string;
let bundle: string;
let practice: PracticeHost;
let daveStick: string;
/** What each run asked, by run: the first stops at Dave's stick, the second at the USB copy, the third finishes. */
const passphrasesAsked: string[][] = [[], [], []];
const sharesShown: string[][] = [[], [], []];
let firstRunCarolFile: { folder: string; name: string; bytes: Buffer };
let firstSetId: string;

function hostForRun(run: number, stopAt: 'dave-stick' | 'usb-copy' | undefined): CeremonyHost {
  return {
    acknowledge: (q) => practice.acknowledge(q),
    confirm: (q) => practice.confirm(q),
    presentShare: async (q) => {
      sharesShown[run]!.push(q.custodian);
      return practice.presentShare(q);
    },
    takeShare: (q) => practice.takeShare(q),
    enterPin: (q) => practice.enterPin(q),
    choosePassphrase: async (q) => {
      passphrasesAsked[run]!.push(q.custodian);
      return practice.choosePassphrase(q);
    },
    chooseMedia: async (q) => {
      if (q.custodian === 'Dave Dubois') {
        if (stopAt === 'dave-stick') throw new HostDeclined('The room stopped: Dave\'s stick is not here yet.');
        return daveStick;
      }
      if (q.custodian === undefined && stopAt === 'usb-copy') throw new HostDeclined('The room stopped before the USB copy.');
      return practice.chooseMedia(q);
    },
  };
}

const readEvents = (): TranscriptEvent[] => readFileSync(join(bundle, 'transcript.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TranscriptEvent);
const sealedRecords = (events: TranscriptEvent[]) => events.filter((e) => e.type === 'witness.acknowledged' && e.data.record === 'share.sealed');

/**
 * A sealed-file ceremony stopped at Dave's stick (Carol's file written, Dave's
 * not), with Dave's stick holding a partial file as a crash mid-write leaves
 * it; resumed, then stopped at the USB copy (after the backup), resumed again
 * to the end.
 */
beforeAll(async () => {
  store = createTokenStore(['sealed-handoff-test']);
  work = mkdtempSync(join(tmpdir(), 'conclave-sealed-resume-'));
  bundle = join(work, 'bundle');
  daveStick = join(work, 'dave-stick');
  mkdirSync(daveStick);
  practice = new PracticeHost(new Map([['sealed-handoff-test', new TextEncoder().encode(store.tokens[0]!.pin)]]));
  await expect(startCeremony({ scriptPath: SCRIPT, bundleDir: bundle, host: hostForRun(0, 'dave-stick'), rehearsal: true, modulePath: SOFTHSM_MODULE })).rejects.toBeInstanceOf(HostDeclined);
  const carol = practice.shareSticks.find((s) => s.custodian === 'Carol Chen')!;
  const name = readdirSync(carol.folder)[0]!;
  firstRunCarolFile = { folder: carol.folder, name, bytes: readFileSync(join(carol.folder, name)) };
  firstSetId = String(sealedRecords(readEvents())[0]!.data.shareSetId);
  writeFileSync(join(daveStick, `.${STEM}${firstSetId}.sealed.json.partial`), '{"format":"conclave-sealed-share/1","setId":"');
  await expect(resumeCeremony({ bundleDir: bundle, host: hostForRun(1, 'usb-copy'), modulePath: SOFTHSM_MODULE })).rejects.toBeInstanceOf(HostDeclined);
  await resumeCeremony({ bundleDir: bundle, host: hostForRun(2, undefined), modulePath: SOFTHSM_MODULE });
}, 400_000);

afterAll(() => {
  practice?.forget();
  for (const folder of [...(practice?.media ?? []), ...(practice?.shareSticks.map((s) => s.folder) ?? [])]) rmSync(folder, { recursive: true, force: true });
  store?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a ceremony with sealed share files, stopped and resumed', () => {
  it('redoes every hand-off of the unfinished backup, with a new share set, and voids the old one', () => {
    expect(passphrasesAsked[0]).toEqual(['Carol Chen', 'Dave Dubois']);
    expect(passphrasesAsked[1]).toEqual(['Carol Chen', 'Dave Dubois']);
    const events = readEvents();
    expect(events.some((e) => e.type === 'backup.voided' && e.data.shareSetId === firstSetId)).toBe(true);
    const sealed = sealedRecords(events).filter((e) => e.data.shareSetId !== firstSetId);
    expect(sealed.map((e) => e.data.custodian)).toEqual(['Carol Chen', 'Dave Dubois']);
  });

  it('never overwrites the file of the voided share set, and gives the new one another name', () => {
    expect(readFileSync(join(firstRunCarolFile.folder, firstRunCarolFile.name)).equals(firstRunCarolFile.bytes)).toBe(true);
    const carolFiles = practice.shareSticks.filter((s) => s.custodian === 'Carol Chen').map((s) => readdirSync(s.folder)[0]!);
    expect(carolFiles).toHaveLength(2);
    expect(new Set(carolFiles).size).toBe(2);
  });

  it('replaces the half-written file on Dave\'s stick with a complete one that opens to his share', async () => {
    const files = readdirSync(daveStick);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${STEM}[0-9a-f]{16}\\.sealed\\.json$`));
    const passphrase = practicePassphrase('Dave Dubois');
    const envelope = await unsealShare(new Uint8Array(readFileSync(join(daveStick, files[0]!))), passphrase);
    const verified = readEvents().filter((e) => e.type === 'share.verified' && e.data.custodian === 'Dave Dubois').at(-1)!;
    expect(shareFingerprint(envelope.share)).toBe(verified.data.fingerprint);
    envelope.share.fill(0);
  });

  it('does not ask for a passphrase or show a share again once the backup is written', () => {
    expect(passphrasesAsked[2]).toEqual([]);
    expect(sharesShown[2]).toEqual([]);
  });

  it('leaves a bundle that conclave verify accepts', async () => {
    const verify = await conclaveVerify(bundle);
    expect(verify.accepted, verify.output).toBe(true);
  });
});
