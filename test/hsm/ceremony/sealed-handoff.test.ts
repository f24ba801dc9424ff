import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PracticeHost, practicePassphrase } from '../../../main/ceremony/rehearsal/practice-host.js';
import { ShowShareAgain, type Ask, type CeremonyHost } from '../../../main/ceremony/runner/ceremony-host.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import { MIN_PASSPHRASE_CHARACTERS } from '../../../main/ceremony/steps/passphrase-rules.js';
import { unsealShare } from '../../../main/custody/sealed-share-file.js';
import { shareFingerprint } from '../../../main/custody/share-fingerprint.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import type { AcknowledgeQuestion, ChoosePassphraseQuestion, TakeShareQuestion } from '../../../shared/ipc/host-questions.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';
import { conclaveVerify } from './standard-tools.js';

// The printed cards are not what this file is about: HTML stand-ins, no Chromium.
process.env.CONCLAVE_CHROMIUM = '/nonexistent/no-chromium-in-this-test';

const SCRIPT = join(import.meta.dirname, 'sealed-handoff.yaml');
const REASON = 'I lost my place while copying word 9';
const encode = (text: string) => new TextEncoder().encode(text);

let store: TestTokenStore;
let work: string;
let bundle: string;
let practice: PracticeHost;
let transcriptText: string;
let events: TranscriptEvent[];
/** Every card's words as shown, kept before the practice host forgets them. */
const shownWords: string[] = [];
const passphraseQuestions: Ask<ChoosePassphraseQuestion>[] = [];
const receiptQuestions: Ask<TakeShareQuestion>[] = [];
const acknowledgements: Ask<AcknowledgeQuestion>[] = [];
const presented: string[] = [];

/**
 * One root ceremony with sealed share files. Carol first types a passphrase
 * that is too short, then two entries that differ, then her practice
 * passphrase twice. Dave, at his first re-entry, asks to see his share again.
 */
beforeAll(async () => {
  store = createTokenStore(['sealed-handoff-test']);
  work = mkdtempSync(join(tmpdir(), 'conclave-sealed-handoff-'));
  bundle = join(work, 'bundle');
  practice = new PracticeHost(new Map([['sealed-handoff-test', encode(store.tokens[0]!.pin)]]));
  let daveAsked = false;
  const host: CeremonyHost = {
    acknowledge: async (q) => {
      acknowledgements.push(q);
      return practice.acknowledge(q);
    },
    confirm: (q) => practice.confirm(q),
    presentShare: async (q) => {
      presented.push(q.custodian);
      shownWords.push(q.words.join(' '));
      return practice.presentShare(q);
    },
    takeShare: async (q) => {
      receiptQuestions.push(q);
      if (q.custodian === 'Dave Dubois' && !daveAsked) {
        daveAsked = true;
        throw new ShowShareAgain(REASON);
      }
      return practice.takeShare(q);
    },
    enterPin: (q) => practice.enterPin(q),
    chooseMedia: (q) => practice.chooseMedia(q),
    choosePassphrase: async (q) => {
      passphraseQuestions.push(q);
      const carolTries = passphraseQuestions.filter((p) => p.custodian === 'Carol Chen').length;
      if (q.custodian === 'Carol Chen' && carolTries === 1) return { passphrase: encode('short'), repeated: encode('short') };
      if (q.custodian === 'Carol Chen' && carolTries === 2) return { passphrase: practicePassphrase(q.custodian), repeated: encode('practice passphrase of Carol') };
      return practice.choosePassphrase({ ...q, problem: undefined });
    },
  };
  await startCeremony({ scriptPath: SCRIPT, bundleDir: bundle, host, rehearsal: true, modulePath: SOFTHSM_MODULE });
  transcriptText = readFileSync(join(bundle, 'transcript.jsonl'), 'utf8');
  events = transcriptText.trimEnd().split('\n').map((line) => JSON.parse(line) as TranscriptEvent);
}, 300_000);

afterAll(() => {
  practice?.forget();
  for (const folder of [...(practice?.media ?? []), ...(practice?.shareSticks.map((s) => s.folder) ?? [])]) rmSync(folder, { recursive: true, force: true });
  store?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

const recorded = (record: string) => events.filter((e) => e.type === 'witness.acknowledged' && e.data.record === record);
const verified = (custodian: string) => events.find((e) => e.type === 'share.verified' && e.data.custodian === custodian)!;

describe('a hand-off with sealed share files', () => {
  it('writes each custodian one sealed file, REHEARSAL-marked, on their own stick, which their passphrase opens to the share they proved', async () => {
    expect(practice.shareSticks.map((s) => s.custodian)).toEqual(['Carol Chen', 'Dave Dubois']);
    for (const { custodian, folder } of practice.shareSticks) {
      const files = readdirSync(folder);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^REHEARSAL-sealed-handoff-test-root-share-00[12]-(carol-chen|dave-dubois)-[0-9a-f]{16}\.sealed\.json$/);
      const passphrase = practicePassphrase(custodian);
      const envelope = await unsealShare(new Uint8Array(readFileSync(join(folder, files[0]!))), passphrase);
      expect(shareFingerprint(envelope.share)).toBe(verified(custodian).data.fingerprint);
      expect(envelope.member).toBe(verified(custodian).data.index);
      envelope.share.fill(0);
      passphrase.fill(0);
    }
  });

  it('records each sealed file for the auditor (custodian, member, fingerprint, file name, SHA-256), acknowledged by the witness', () => {
    const sealed = recorded('share.sealed');
    expect(sealed.map((e) => e.data.custodian)).toEqual(['Carol Chen', 'Dave Dubois']);
    for (const event of sealed) {
      const stick = practice.shareSticks.find((s) => s.custodian === event.data.custodian)!;
      const bytes = readFileSync(join(stick.folder, String(event.data.file)));
      expect(event).toMatchObject({ actor: 'Walter White', data: { index: verified(String(event.data.custodian)).data.index, fingerprint: verified(String(event.data.custodian)).data.fingerprint, bytes: bytes.length } });
      expect(event.data.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      // After the custodian proved receipt, under the same step.
      expect(event.seq).toBeGreaterThan(verified(String(event.data.custodian)).seq);
      expect(event.step).toBe(verified(String(event.data.custodian)).step);
    }
  });

  it('keeps every passphrase and every share word out of the transcript', () => {
    for (const custodian of ['Carol Chen', 'Dave Dubois']) expect(transcriptText).not.toContain(`practice passphrase of ${custodian}`);
    expect(transcriptText).not.toContain('passphrase of');
    expect(shownWords.length).toBeGreaterThan(0);
    for (const words of shownWords) {
      expect(transcriptText).not.toContain(words);
      // Not even a run of four words of it.
      const list = words.split(' ');
      for (let i = 0; i + 4 <= list.length; i++) expect(transcriptText).not.toContain(list.slice(i, i + 4).join(' '));
    }
  });

  it('asks again, saying why, for a passphrase that is too short and for two entries that differ', () => {
    const carol = passphraseQuestions.filter((q) => q.custodian === 'Carol Chen');
    expect(carol).toHaveLength(3);
    expect(carol[0]!.problem).toBeUndefined();
    expect(carol[0]!.minimum).toBe(MIN_PASSPHRASE_CHARACTERS);
    expect(carol[1]!.problem).toMatch(new RegExp(`5 characters; it needs at least ${MIN_PASSPHRASE_CHARACTERS}`));
    expect(carol[2]!.problem).toMatch(/two entries differ/);
    expect(passphraseQuestions.filter((q) => q.custodian === 'Dave Dubois')).toHaveLength(1);
  });
});

describe('a share shown again', () => {
  it('asks the witness to approve, naming the custodian and the reason', () => {
    const approval = acknowledgements.find((q) => q.title === "Show Dave Dubois's share again");
    expect(approval).toMatchObject({ actor: 'Walter White', approval: 'show-share-again', detail: expect.stringContaining(REASON) });
  });

  it('records the approval (custodian, member, fingerprint, who approved, why), shows the share again, and takes the re-entry', () => {
    const again = recorded('share.shown-again');
    expect(again).toHaveLength(1);
    const dave = verified('Dave Dubois');
    expect(again[0]).toMatchObject({ actor: 'Walter White', step: dave.step, data: { custodian: 'Dave Dubois', index: dave.data.index, fingerprint: dave.data.fingerprint, approvedBy: 'Walter White', reason: REASON } });
    expect(again[0]!.seq).toBeLessThan(dave.seq);
    expect(presented).toEqual(['Carol Chen', 'Dave Dubois', 'Dave Dubois']);
    expect(receiptQuestions.filter((q) => q.custodian === 'Dave Dubois')).toHaveLength(2);
    expect(receiptQuestions.every((q) => q.showAgain === true)).toBe(true);
  });

  it('leaves a bundle that conclave verify accepts', async () => {
    const verify = await conclaveVerify(bundle);
    expect(verify.accepted, verify.output).toBe(true);
  });
});
