import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehearseCommand } from '../../../main/cli/rehearse-command.js';
import { parseBackup } from '../../../main/custody/backup-file.js';
import { combineShares } from '../../../main/custody/kek-split.js';
import { kekCheckValue } from '../../../main/custody/kek-check-value.js';
import { HEADER_BYTES } from '../../../main/custody/envelope-layout.js';
import { encodeEnvelope, type ShareEnvelope } from '../../../main/custody/share-envelope.js';
import { decodeShareWords } from '../../../main/custody/share-words.js';
import { captureRehearsalSecrets, type CapturedSecrets } from './secret-capture.js';
import { secretsIn, secretsInFile, spellings, WORD_RUN, type Secret } from './secret-needles.js';

// Issue 10, "Secret scan": after a root rehearsal, every file it wrote (the
// bundle, the practice USB copies, whatever it left in its temporary
// folder), what the CLI printed, and a heap snapshot of the process are
// searched for the KEK, every share (bytes, QR payload and words) and the
// practice PINs. Only a custodian's card may hold a share, and only its own.
// The rehearsal runs with TMPDIR pointed at a folder of its own, so
// everything it writes outside the bundle lands where the scan looks.

/** Words made only of header bits (11 bits a word). */
const HEADER_WORDS = Math.floor((HEADER_BYTES * 8) / 11);

let scratch: string;
let captured: CapturedSecrets;
let exitCode: number;
let printed: Buffer;
let snapshotPath: string;
let envelopes: ShareEnvelope[];
let kek: Uint8Array;
let secrets: Secret[];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
}

beforeAll(async () => {
  const outerTmp = tmpdir();
  scratch = mkdtempSync(join(outerTmp, 'conclave-secret-scan-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  captured = captureRehearsalSecrets();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  try {
    exitCode = await rehearseCommand.run(['--out', join(scratch, 'bundle')], { stdout: out, stderr: out, stdin: new PassThrough() });
  } finally {
    captured.restore();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  printed = Buffer.concat(chunks);
  // The snapshot is taken before any needle (hex, base64) exists as a JS
  // string in this process, and outside the folder scanned for files.
  snapshotPath = writeHeapSnapshot(join(mkdtempSync(join(outerTmp, 'conclave-heap-')), 'after-rehearsal.heapsnapshot'));

  envelopes = captured.cards.map((c) => decodeShareWords(c.words));
  kek = await combineShares(envelopes.slice(0, envelopes[0]!.threshold));
  secrets = [
    { name: 'KEK', needles: spellings(kek) },
    ...captured.pins.map((pin, i) => ({ name: `PIN ${i + 1}`, needles: [Buffer.from(pin)] })),
    ...captured.cards.map((card, i) => ({
      name: `share of member ${card.member}`,
      needles: [...spellings(envelopes[i]!.share), ...spellings(encodeEnvelope(envelopes[i]!))],
      // The first words spell the envelope's header (set id, member, threshold),
      // which every share of the set has in common and the transcript makes
      // public: a run is looked for in the words that spell the share bytes.
      words: Buffer.from(card.words).toString('utf8').split(' ').slice(HEADER_WORDS),
    })),
  ];
}, 240_000);

afterAll(() => {
  for (const card of captured?.cards ?? []) card.words.fill(0);
  for (const pin of captured?.pins ?? []) pin.fill(0);
  kek?.fill(0);
  rmSync(scratch, { recursive: true, force: true });
  if (snapshotPath) rmSync(join(snapshotPath, '..'), { recursive: true, force: true });
});

describe('secrets after a root rehearsal', () => {
  it('the rehearsal passed, and the KEK rebuilt from the captured shares is the one backup.json records', () => {
    expect(exitCode).toBe(0);
    expect(captured.cards.map((c) => c.member)).toEqual([1, 2, 3, 4, 5]);
    expect(captured.pins).toHaveLength(2);
    const backup = parseBackup(readFileSync(join(scratch, 'bundle', 'backup', 'backup.json')));
    expect(kekCheckValue(kek)).toBe(backup.kek.kcv);
  });

  it('the scan finds every spelling it looks for (a scan that finds nothing proves nothing)', () => {
    for (const secret of secrets) {
      for (const needle of secret.needles) expect(secretsIn(Buffer.concat([Buffer.from('x'), needle, Buffer.from('y')]), [secret])).toEqual([secret.name]);
      if (secret.words) expect(secretsIn(Buffer.from(`1 ${secret.words.slice(3, 7).join(' ')}\n2 ${secret.words.slice(7, 11).join('  ')}`), [secret])).toEqual([secret.name]);
    }
  });

  it('no file but a custodian card holds the KEK, a share (bytes, QR payload or words) or a PIN', () => {
    const files = filesUnder(scratch).filter((f) => !relative(scratch, f).startsWith(join('bundle', 'custodians')));
    expect(files.length).toBeGreaterThan(20);
    const hits = Object.fromEntries(files.map((f) => [relative(scratch, f), secretsInFile(f, secrets)]).filter(([, found]) => found!.length > 0));
    expect(hits).toEqual({});
  });

  it('each custodian card holds its own share, and nothing else secret', () => {
    const cards = filesUnder(join(scratch, 'bundle', 'custodians'));
    expect(cards).toHaveLength(5);
    for (const card of cards) {
      const member = Number(/^(\d+)-/.exec(basename(card))![1]);
      expect(secretsInFile(card, secrets), basename(card)).toEqual([`share of member ${member}`]);
    }
  });

  it('what the CLI printed holds none of them', () => {
    expect(printed.toString('utf8')).toMatch(/REHEARSAL PASSED/);
    expect(secretsIn(printed, secrets)).toEqual([]);
  });

  // A heap snapshot holds every JS string (it is taken after a full GC) but
  // not the contents of ArrayBuffers: this finds a secret that became a
  // string and is still reachable (hex, base64, the joined words), not a
  // Uint8Array left unzeroed.
  it('a heap snapshot of the process after the rehearsal holds no string spelling the KEK, a PIN, a share or its words', () => {
    const heap = readFileSync(snapshotPath);
    expect(heap.length).toBeGreaterThan(1_000_000);
    const asStrings = secrets.map((s) => ({ name: s.name, needles: [...s.needles, ...(s.words ? [Buffer.from(s.words.slice(0, WORD_RUN).join(' '))] : [])] }));
    expect(secretsIn(heap, asStrings)).toEqual([]);
  });
});
