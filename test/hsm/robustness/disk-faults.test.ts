import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BundleError } from '../../../main/bundle/bundle-error.js';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import type { MediaQuestion, RunnerNotice } from '../../../main/ceremony/runner/ceremony-host.js';
import { resumeCeremony } from '../../../main/ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import { describeError } from '../../../main/cli/describe-error.js';
import { verifyChain } from '../../../main/transcript/chain-verifier.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { TranscriptError } from '../../../main/transcript/transcript-error.js';
import { diskFaults, type DiskFault } from '../../support/fault-disk.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../support/softhsm.js';
import { tryMountTmpfs, type ScratchMount } from '../../unit/bundle/scratch-mount.js';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../../support/fault-disk.js')).withDiskFaults(await importOriginal()));

// Issue 10, "Disk faults during export and during journal writes": the disk
// fails (full, I/O error, read-only) while the root ceremony writes its
// transcript or a USB copy. Each time: a clear error, nothing recorded lost
// (the transcript verifies up to the stop; at most a half-written last line,
// which resume cuts and records), no USB copy that looks complete, and
// resume — on a good disk — finishes to a bundle that verifies. Real tmpfs
// mounts where this machine allows them (a full medium, a read-only one);
// injected through node:fs/promises otherwise, and always for EIO and for a
// file already open (a remount refuses while the journal holds it).

const SCRIPT = join(import.meta.dirname, '../../../examples/root-key-generation.yaml');
const SCRIPT_SHA256 = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex');
const TOKEN = 'acme-root';
const COPY_NAME = 'acme-example-root-2026-copy-1';

/** A practice room whose USB sticks and disk the test chooses. */
class FaultRoomHost extends PracticeHost {
  badMedium: string | undefined;
  constructor(pin: Uint8Array, onNotice: (notice: RunnerNotice) => void) {
    super(new Map([[TOKEN, pin]]), onNotice);
  }
  override async chooseMedia(question: MediaQuestion): Promise<string> {
    const bad = this.badMedium;
    this.badMedium = undefined;
    return bad ?? super.chooseMedia(question);
  }
}

interface Scenario {
  what: string;
  /** Arms the fault once this event is on disk. */
  after: { type: string; step?: string };
  /**
   * The fault as injected; or a real one on a tmpfs (the bundle's disk filled
   * up, a full or a read-only USB stick), with the injected equivalent where
   * this machine does not let the test mount.
   */
  fault: DiskFault | { real: 'bundle disk filled' | 'full medium' | 'read-only medium'; otherwise: DiskFault };
  expect: { error: typeof TranscriptError | typeof BundleError; code: string; says: RegExp };
}

const JOURNAL = 'transcript.jsonl';
const USB = 'conclave-faulty-usb';
const SCENARIOS: Scenario[] = [
  { what: 'the disk fills up while the journal appends', after: { type: 'key.generated' }, fault: { where: JOURNAL, errno: 'ENOSPC', on: 'write' }, expect: { error: TranscriptError, code: 'TRANSCRIPT_WRITE_FAILED', says: /failed \(ENOSPC\).*resume/ } },
  { what: 'the disk gives an I/O error when the journal syncs, mid hand-offs', after: { type: 'share.verified' }, fault: { where: JOURNAL, errno: 'EIO', on: 'sync' }, expect: { error: TranscriptError, code: 'TRANSCRIPT_WRITE_FAILED', says: /failed \(EIO\).*resume/ } },
  { what: 'the disk turns read-only under the open journal', after: { type: 'cert.issued' }, fault: { where: JOURNAL, errno: 'EROFS', on: 'write' }, expect: { error: TranscriptError, code: 'TRANSCRIPT_WRITE_FAILED', says: /failed \(EROFS\).*resume/ } },
  { what: 'the disk fills up in the middle of a journal line', after: { type: 'cert.issued' }, fault: { where: JOURNAL, errno: 'ENOSPC', on: 'write', cutAfter: 40 }, expect: { error: TranscriptError, code: 'TRANSCRIPT_WRITE_FAILED', says: /failed \(ENOSPC\).*cuts a half-written line/ } },
  {
    what: "the bundle's own disk (tmpfs) fills up before a custodian card is written",
    after: { type: 'step.completed', step: 'backup.split' },
    fault: { real: 'bundle disk filled', otherwise: { where: 'custodians', errno: 'ENOSPC', on: 'create' } },
    expect: { error: BundleError, code: 'MEDIA_FULL', says: /is full \(ENOSPC\)/ },
  },
  { what: 'the USB stick is full', after: { type: 'crl.issued' }, fault: { real: 'full medium', otherwise: { where: USB, errno: 'ENOSPC', on: 'create' } }, expect: { error: BundleError, code: 'MEDIA_FULL', says: /has 0 bytes free|is full \(ENOSPC\)/ } },
  { what: 'the USB stick is read-only', after: { type: 'crl.issued' }, fault: { real: 'read-only medium', otherwise: { where: USB, errno: 'EROFS', on: 'create' } }, expect: { error: BundleError, code: 'MEDIA_READ_ONLY', says: /read-only or write-protected \(EROFS\)/ } },
  { what: 'the USB stick gives an I/O error mid-copy', after: { type: 'crl.issued' }, fault: { where: USB, errno: 'EIO', on: 'write' }, expect: { error: BundleError, code: 'MEDIA_IO_ERROR', says: /failed while writing .*\(EIO\).*Nothing was left on the medium/ } },
];

/** A tmpfs, unless CONCLAVE_TEST_NO_MOUNT asks for the injected faults a machine without mount gets. */
const mountTmpfs = (size: string): ScratchMount | undefined => (process.env.CONCLAVE_TEST_NO_MOUNT ? undefined : tryMountTmpfs(size));

let savedChromium: string | undefined;
beforeAll(() => {
  savedChromium = process.env.CONCLAVE_CHROMIUM;
  process.env.CONCLAVE_CHROMIUM = '/nonexistent/chromium';
});
afterAll(() => {
  if (savedChromium === undefined) delete process.env.CONCLAVE_CHROMIUM;
  else process.env.CONCLAVE_CHROMIUM = savedChromium;
});

/** Fills a file system up: a file written until the disk says ENOSPC. */
function fillUp(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  try {
    for (let size = 1 << 20; size >= 1; ) {
      try {
        writeSync(fd, Buffer.alloc(size));
      } catch {
        size >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

function eventsOf(bytes: Buffer): TranscriptEvent[] {
  return bytes.toString('utf8').split('\n').filter((l) => l.startsWith('{') && l.endsWith('}')).map((l) => JSON.parse(l) as TranscriptEvent);
}

describe.each(SCENARIOS)('a disk fault during the root ceremony: $what', (scenario) => {
  const root = mkdtempSync(join(tmpdir(), 'conclave-disk-fault-'));
  const mounts: ScratchMount[] = [];
  let bundle = join(root, 'bundle');
  let store: ReturnType<typeof createTokenStore>;
  let host: FaultRoomHost;
  let stop: unknown;
  let armedAtSeq = -1;
  let badMedium: string | undefined;
  let filler: string | undefined;
  let cutShort = false;

  beforeAll(async () => {
    store = createTokenStore([TOKEN]);
    const { fault } = scenario;
    const real = 'real' in fault ? fault.real : undefined;
    const bundleMount = real === 'bundle disk filled' ? mountTmpfs('16m') : undefined;
    if (bundleMount) {
      mounts.push(bundleMount);
      bundle = join(bundleMount.dir, 'bundle');
    }
    const usesMedium = real === 'full medium' || real === 'read-only medium' || ('where' in fault && fault.where === USB);
    const arm = () => {
      if ('where' in fault) diskFaults.active = [{ ...fault }];
      else if (bundleMount) filler = fillUp(bundleMount.dir);
      else if (!usesMedium) diskFaults.active = [{ ...fault.otherwise }];
      if (!usesMedium) return;
      const mount = real === 'full medium' || real === 'read-only medium' ? mountTmpfs(real === 'full medium' ? '16k' : '1m') : undefined;
      if (mount) {
        mounts.push(mount);
        if (real === 'full medium') fillUp(mount.dir);
        else mount.remountReadOnly();
        host.badMedium = badMedium = mount.dir;
      } else {
        host.badMedium = badMedium = mkdtempSync(join(root, `${USB}-`));
        if ('otherwise' in fault) diskFaults.active = [{ ...fault.otherwise }];
      }
    };
    host = new FaultRoomHost(new TextEncoder().encode(store.tokens[0]!.pin), (notice) => {
      if (notice.kind !== 'event' || armedAtSeq >= 0 || notice.type !== scenario.after.type || (scenario.after.step && notice.step !== scenario.after.step)) return;
      armedAtSeq = notice.seq;
      arm();
    });
    try {
      await startCeremony({ scriptPath: SCRIPT, bundleDir: bundle, host, rehearsal: true, modulePath: SOFTHSM_MODULE });
    } catch (error) {
      stop = error;
    } finally {
      diskFaults.active = [];
    }
  }, 120_000);

  afterAll(() => {
    host.forget();
    store.cleanup();
    for (const m of mounts.reverse()) m.unmount();
    rmSync(root, { recursive: true, force: true });
  });

  it('stops with a clear error naming the fault, which the CLI prints as it is', () => {
    expect(armedAtSeq).toBeGreaterThan(0);
    expect(stop).toBeInstanceOf(scenario.expect.error);
    expect((stop as TranscriptError | BundleError).code).toBe(scenario.expect.code);
    expect((stop as Error).message).toMatch(scenario.expect.says);
    expect(describeError(stop)).toContain((stop as Error).message);
  });

  it('loses nothing recorded: the transcript verifies up to the stop (at most a half-written last line)', () => {
    const bytes = readFileSync(join(bundle, JOURNAL));
    const chain = verifyChain(bytes, SCRIPT_SHA256);
    cutShort = !chain.ok;
    if (!chain.ok) {
      expect(chain.problem!.code).toBe('partial-line');
      expect(chain.validBytes).toBe(bytes.lastIndexOf(0x0a) + 1);
    }
    expect(chain.lines).toBeGreaterThan(armedAtSeq);
  });

  if (scenario.after.type === 'crl.issued') {
    it('leaves no USB copy that looks complete on the medium that failed', () => {
      expect(badMedium).toBeDefined();
      expect(readdirSync(badMedium!).filter((e) => e === COPY_NAME || e.startsWith(`.${COPY_NAME}`))).toEqual([]);
    });
  }

  it('resumes on a good disk to a bundle that verifies', async () => {
    if (filler) rmSync(filler);
    const finished = await resumeCeremony({ bundleDir: bundle, host, modulePath: SOFTHSM_MODULE });
    const report = await verifyBundle(finished.bundleDir);
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped')).toEqual([]);
    const events = eventsOf(readFileSync(join(bundle, JOURNAL)));
    const resumed = events.filter((e) => e.type === 'ceremony.resumed');
    expect(resumed).toHaveLength(1);
    // A line the full disk cut short is cut off by resume, and said so.
    expect(resumed[0]!.data.discardedPartialLine !== undefined).toBe(cutShort);
    expect(events.filter((e) => e.type === 'media.written').map((e) => e.data.copy)).toEqual([1, 2]);
  }, 120_000);
});
