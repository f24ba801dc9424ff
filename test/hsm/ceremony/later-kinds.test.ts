import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../main/custody/backup-file.js';
import { PracticeRoom } from '../../../main/ceremony/rehearsal/practice-room.js';
import { EXAMPLE_ROOT_SCRIPT, rehearse, type RehearsalResult } from '../../../main/ceremony/rehearsal/rehearse.js';
import type { Ask, CeremonyHost } from '../../../main/ceremony/runner/ceremony-host.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import type { TakeShareQuestion } from '../../../shared/ipc/host-questions.js';
import { SOFTHSM_MODULE } from '../../support/softhsm.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { conclaveVerify, formatsCommands, refusals } from './standard-tools.js';

// Printing is not what this file is about, and a Chromium per ceremony
// doubles its time: the documents are written as the HTML stand-ins verify
// accepts. rehearse-cli.test.ts rehearses with the PDFs.
process.env.CONCLAVE_CHROMIUM = '/nonexistent/no-chromium-in-this-test';

const example = (kind: string) => join(import.meta.dirname, '../../../examples', `${kind}.yaml`);

let work: string;
let room: PracticeRoom;
let source: string;

/** One practice root ceremony (the example root script) for every later ceremony of this file, on one token store. */
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'conclave-later-kinds-'));
  room = PracticeRoom.open(['acme-root']);
  source = join(work, 'root');
  await room.ceremony(EXAMPLE_ROOT_SCRIPT, source);
});

afterAll(() => {
  for (const medium of room?.host.media ?? []) rmSync(medium, { recursive: true, force: true });
  room?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function rehearseExample(kind: string): Promise<RehearsalResult> {
  return rehearse({ scriptPath: example(kind), bundleDir: join(work, kind), practice: { room, sourceDir: source } });
}

function events(dir: string): TranscriptEvent[] {
  return readFileSync(join(dir, 'transcript.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as TranscriptEvent);
}

const ofType = (list: TranscriptEvent[], type: string) => list.filter((e) => e.type === type);

async function expectAcceptedByStandardTools(dir: string): Promise<void> {
  const verify = await conclaveVerify(dir);
  expect(verify.accepted, verify.output).toBe(true);
  expect(refusals(await formatsCommands(dir))).toEqual([]);
}

// The kinds in an order that fits one token: nothing before the rotation changes the keys, and destruction comes last.
describe.each(['subordinate-signing', 'crl-signing', 'key-recovery', 'custodian-rotation', 'key-destruction'])('%s', (kind) => {
  it('rehearses on the practice root to a bundle that conclave verify and FORMATS.md\'s openssl commands accept', async () => {
    const result = await rehearseExample(kind);
    expect(result.report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(result.ok).toBe(true);
    await expectAcceptedByStandardTools(result.finished.bundleDir);
  });
});

describe('what the later ceremonies recorded', () => {
  it('each verified the source bundle and copied the root and audit certificates it uses, byte for byte, into its own bundle', () => {
    for (const kind of ['subordinate-signing', 'crl-signing', 'key-recovery', 'custodian-rotation', 'key-destruction']) {
      const [verified] = ofType(events(join(work, kind)), 'source.verified');
      expect(verified?.data, kind).toMatchObject({ ceremonyId: 'acme-example-root-2026', verdict: 'verified' });
      for (const file of ['certs/root.pem', 'certs/root.der', 'certs/audit.pem', 'certs/audit.der']) {
        expect(readFileSync(join(work, kind, file)).equals(readFileSync(join(source, file))), `${kind} ${file}`).toBe(true);
      }
    }
  });

  it('subordinate-signing checked the root key on the token against certs/root.pem, then signed the TLS CA under it', () => {
    const list = events(join(work, 'subordinate-signing'));
    const [checked] = ofType(list, 'issuer.checked');
    const [issued] = ofType(list, 'cert.issued');
    expect(checked!.data).toMatchObject({ key: 'acme-example-root-2026', certificate: 'root' });
    expect(issued!.data).toMatchObject({ name: 'tls-issuing-ca', profile: 'tls-subordinate-ca' });
    expect(checked!.seq).toBeLessThan(issued!.seq);
    const text = execFileSync('openssl', ['x509', '-in', join(work, 'subordinate-signing', 'certs/tls-issuing-ca.pem'), '-noout', '-issuer', '-subject']).toString();
    expect(text).toContain('CN = ACME Example Root CA 2026');
    expect(text).toContain('CN = ACME Example TLS Issuing CA 2026');
  });

  it('crl-signing carried the root CRL forward as number 2 and revoked the serial the script names, as openssl reads it', () => {
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', join(work, 'crl-signing', 'crls/root.crl'), '-noout', '-text']).toString();
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*2\b/);
    expect(text).toContain('Serial Number: 5EA3107C229B4F018D36E2C5901A7B44');
    expect(text).toContain('Superseded');
  });

  it('key-recovery took three shares checked against the root ceremony, rebuilt its KEK and restored and proved every key named', () => {
    const list = events(join(work, 'key-recovery'));
    const backup = parseBackup(readFileSync(join(source, 'backup/backup.json')));
    expect(ofType(list, 'share.accepted').map((e) => [e.data.custodian, e.data.index])).toEqual([['Carol Chen', 1], ['Erin Evans', 3], ['Grace Gupta', 5]]);
    expect(ofType(list, 'kek.rebuilt')[0]!.data).toMatchObject({ kcv: backup.kek.kcv, shareSetId: backup.kek.shareSetId, members: [1, 3, 5] });
    const restored = ofType(list, 'key.restored');
    expect(restored.map((e) => e.data.label)).toEqual(['acme-example-root-2026', 'acme-example-master-2026', 'acme-example-audit-2026']);
    for (const e of restored) expect(e.data.id).toBe(backup.keys.find((k) => k.label === e.data.label)!.id);
    expect(ofType(list, 'preflight.hsm')[0]!.data).toMatchObject({ tokenLabel: 'acme-root-replacement', inventory: [] });
  });

  it('custodian-rotation declared the old share set void only after every new custodian proved receipt and both USB copies were read back', () => {
    const list = events(join(work, 'custodian-rotation'));
    const old = parseBackup(readFileSync(join(source, 'backup/backup.json')));
    const renewed = parseBackup(readFileSync(join(work, 'custodian-rotation', 'backup/backup.json')));
    const [voided] = ofType(list, 'backup.voided');
    expect(voided!.data).toMatchObject({ shareSetId: old.kek.shareSetId, replacedBy: renewed.kek.shareSetId });
    expect(renewed.kek.shareSetId).not.toBe(old.kek.shareSetId);
    const lastReceipt = ofType(list, 'share.verified').at(-1)!;
    const copies = ofType(list, 'media.written');
    expect(ofType(list, 'share.verified').map((e) => e.data.custodian)).toEqual(['Carol Chen', 'Dave Dubois', 'Heidi Hansen', 'Ivan Ivanov', 'Judy Jones']);
    expect(copies).toHaveLength(2);
    expect(voided!.seq).toBeGreaterThan(Math.max(lastReceipt.seq, ...copies.map((c) => c.seq)));
  });

  it('custodian-rotation re-wrapped exactly the keys of the old backup', () => {
    const old = parseBackup(readFileSync(join(source, 'backup/backup.json')));
    const renewed = parseBackup(readFileSync(join(work, 'custodian-rotation', 'backup/backup.json')));
    expect(renewed.keys.map((k) => [k.label, k.id, k.class === 'private' ? k.spki : k.kcv])).toEqual(old.keys.map((k) => [k.label, k.id, k.class === 'private' ? k.spki : k.kcv]));
    expect(renewed.kek.kcv).not.toBe(old.kek.kcv);
  });

  it('key-destruction recorded the inventory before and after, which differ by exactly the master key', () => {
    const list = events(join(work, 'key-destruction'));
    const [before, after] = ofType(list, 'inventory.recorded');
    const labels = (e: TranscriptEvent) => (e.data.objects as { label: string }[]).map((o) => o.label);
    expect(labels(before!)).toContain('acme-example-master-2026');
    expect(labels(after!)).not.toContain('acme-example-master-2026');
    expect(after!.data.removed).toEqual([expect.objectContaining({ class: 'secret-key', label: 'acme-example-master-2026' })]);
    expect(ofType(list, 'key.destroyed').map((e) => e.data.label)).toEqual(['acme-example-master-2026']);
  });
});

describe('a source bundle that does not verify', () => {
  it('stops a subordinate-signing at source.verify, before anything is signed', async () => {
    const tampered = join(work, 'tampered-root');
    cpSync(source, tampered, { recursive: true });
    appendFileSync(join(tampered, 'crls/root.pem'), '\n');
    const bundle = join(work, 'on-tampered-source');
    await expect(rehearse({ scriptPath: example('subordinate-signing'), bundleDir: bundle, practice: { room, sourceDir: tampered } })).rejects.toMatchObject({ code: 'SOURCE_INVALID', message: expect.stringContaining('SHA256SUMS') });
    const list = events(bundle);
    expect(list.at(-1)).toMatchObject({ type: 'deviation.recorded', step: 'source.verify' });
    expect(ofType(list, 'cert.issued')).toEqual([]);
    expect(existsSync(join(bundle, 'certs/tls-issuing-ca.pem'))).toBe(false);
  });
});

describe('a share mistyped on entry', () => {
  it('is refused naming the word, recorded as a deviation, and asked for again; the recovery then goes on', async () => {
    const asked: Ask<TakeShareQuestion>[] = [];
    const practice = room.host;
    // Carol types her root-ceremony card with its fourth word misspelt, once.
    const host: CeremonyHost = {
      acknowledge: (q) => practice.acknowledge(q),
      confirm: (q) => practice.confirm(q),
      presentShare: (q) => practice.presentShare(q),
      enterPin: (q) => practice.enterPin(q),
      chooseMedia: (q) => practice.chooseMedia(q),
      takeShare: async (q) => {
        asked.push(q);
        const card = practice.cards.find((c) => c.custodian === q.custodian)!;
        const words = Buffer.from(card.words).toString('utf8').split(' ');
        if (q.step === 'collect-share.1' && q.problem === undefined) words[3] = 'xyzzy';
        return new TextEncoder().encode(words.join(' '));
      },
    };
    const token = room.addToken('acme-root-replacement');
    const bundle = join(work, 'recovery-with-a-typo');
    await startCeremony({ scriptPath: example('key-recovery'), bundleDir: bundle, host, rehearsal: true, modulePath: SOFTHSM_MODULE, source, tokenLabel: token });
    const first = asked.filter((q) => q.step === 'collect-share.1');
    expect(first).toHaveLength(2);
    expect(first[1]!.problem).toMatch(/Word 4\b.*not on the BIP-39 English list/);
    const list = events(bundle);
    const deviation = ofType(list, 'deviation.recorded').find((e) => e.step === 'collect-share.1');
    expect(deviation!.data).toMatchObject({ code: 'share.word-unknown', description: expect.stringContaining('Carol Chen') });
    expect(ofType(list, 'share.accepted').map((e) => e.data.custodian)).toEqual(['Carol Chen', 'Erin Evans', 'Grace Gupta']);
    expect((await conclaveVerify(bundle)).accepted).toBe(true);
  });
});
