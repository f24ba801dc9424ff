import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import { resumeCeremony } from '../../../main/ceremony/runner/resume-ceremony.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import { describeError } from '../../../main/cli/describe-error.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import { HsmError, type HsmErrorCode } from '../../../main/hsm/hsm-error.js';
import { verifyChain } from '../../../main/transcript/chain-verifier.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { installPkcs11Faults, type Pkcs11Fault, type Pkcs11FaultInjector } from '../../support/fault-pkcs11.js';
import { createTokenStore, SOFTHSM_MODULE } from '../../support/softhsm.js';

// Issue 10, "Fault injection into PKCS#11": the HSM fails at a chosen call
// during the example root ceremony. Each time the room must get a clear
// message (the HsmError's, also as the CLI prints it), the transcript must be
// intact and verifiable up to the stop (with the stop recorded as a
// deviation), and `resume`, once the HSM is back, must finish the ceremony to
// a bundle that verifies, with every key on the token exactly once.

const SCRIPT = join(import.meta.dirname, '../../../examples/root-key-generation.yaml');
const SCRIPT_SHA256 = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex');
const TOKEN = 'acme-root';
const KEY_LABELS = ['acme-example-root-2026', 'acme-example-master-2026', 'acme-example-audit-2026'];

interface Scenario {
  when: string;
  fault: Pkcs11Fault;
  code: HsmErrorCode;
  says: RegExp;
  /** The fault comes after ceremony.closed: the transcript is complete and takes no more events; resume only seals. */
  afterClose?: boolean;
}

const SCENARIOS: Scenario[] = [
  { when: 'logging in, the token is pulled out', fault: { fn: 'C_Login', nth: 1, ckr: 'CKR_TOKEN_NOT_PRESENT', sticky: true }, code: 'TOKEN_REMOVED', says: /removed or is not present while logging in.*resume/ },
  { when: 'generating the root key pair, the device fails', fault: { fn: 'C_GenerateKeyPair', nth: 1, ckr: 'CKR_DEVICE_ERROR' }, code: 'DEVICE_ERROR', says: /device error \(CKR_DEVICE_ERROR\) while generating acme-example-root-2026.*resume/ },
  { when: 'generating the master key, the device runs out of memory', fault: { fn: 'C_GenerateKey', nth: 1, ckr: 'CKR_DEVICE_MEMORY' }, code: 'DEVICE_MEMORY', says: /out of memory while generating acme-example-master-2026.*resume/ },
  { when: 'wrapping the second key for the backup, the token is pulled out', fault: { fn: 'C_WrapKey', nth: 2, ckr: 'CKR_TOKEN_NOT_PRESENT', sticky: true }, code: 'TOKEN_REMOVED', says: /removed or is not present while wrapping/ },
  { when: 'drawing a certificate serial number, the device fails', fault: { fn: 'C_GenerateRandom', nth: 5, ckr: 'CKR_DEVICE_ERROR' }, code: 'DEVICE_ERROR', says: /device error \(CKR_DEVICE_ERROR\) while drawing random bytes/ },
  { when: 'signing the audit certificate, the session closes', fault: { fn: 'C_Sign', nth: 2, ckr: 'CKR_SESSION_CLOSED', sticky: true }, code: 'SESSION_CLOSED', says: /session closed while signing with "acme-example-root-2026".*resume/ },
  { when: 'sealing the transcript, the device fails', fault: { fn: 'C_Sign', nth: 5, ckr: 'CKR_DEVICE_ERROR' }, code: 'DEVICE_ERROR', says: /device error \(CKR_DEVICE_ERROR\) while signing with "acme-example-audit-2026"/, afterClose: true },
];

let faults: Pkcs11FaultInjector;
let savedChromium: string | undefined;
beforeAll(() => {
  faults = installPkcs11Faults();
  // The printed documents as HTML (verify accepts them): fourteen runs do not each start a Chromium.
  savedChromium = process.env.CONCLAVE_CHROMIUM;
  process.env.CONCLAVE_CHROMIUM = '/nonexistent/chromium';
});
afterAll(() => {
  faults.restore();
  if (savedChromium === undefined) delete process.env.CONCLAVE_CHROMIUM;
  else process.env.CONCLAVE_CHROMIUM = savedChromium;
});

function transcriptOf(bundle: string): { bytes: Buffer; events: TranscriptEvent[] } {
  const bytes = readFileSync(join(bundle, 'transcript.jsonl'));
  return { bytes, events: bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as TranscriptEvent) };
}

async function labelsOnToken(pin: string): Promise<string[]> {
  const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
  try {
    const session = await hsm.openSession({ label: TOKEN });
    await session.login(new TextEncoder().encode(pin));
    const labels = (await session.inventory()).map((o) => `${o.class} ${o.label}`);
    await session.close();
    return labels.sort();
  } finally {
    await hsm.close();
  }
}

describe.each(SCENARIOS)('the HSM fails during a root ceremony: $when', ({ fault, code, says, afterClose }) => {
  const root = mkdtempSync(join(tmpdir(), 'conclave-fault-'));
  const bundle = join(root, 'bundle');
  let store: ReturnType<typeof createTokenStore>;
  let host: PracticeHost;
  let stop: unknown;

  beforeAll(async () => {
    store = createTokenStore([TOKEN]);
    host = new PracticeHost(new Map([[TOKEN, new TextEncoder().encode(store.tokens[0]!.pin)]]));
    faults.arm(fault);
    try {
      await startCeremony({ scriptPath: SCRIPT, bundleDir: bundle, host, rehearsal: true, modulePath: SOFTHSM_MODULE });
    } catch (error) {
      stop = error;
    } finally {
      faults.disarm();
    }
  }, 120_000);
  afterAll(() => {
    host.forget();
    store.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('stops the ceremony with the HSM layer\'s message, which the CLI prints as it is', () => {
    expect(faults.fired).toBe(true);
    expect(stop).toBeInstanceOf(HsmError);
    expect((stop as HsmError).code).toBe(code);
    expect((stop as HsmError).message).toMatch(says);
    expect(describeError(stop)).toContain((stop as HsmError).message);
  });

  it(afterClose ? 'leaves the closed transcript whole, and the bundle unsealed (incomplete, not failed)' : 'leaves a transcript whose chain verifies up to the stop, the stop recorded in it', async () => {
    const { bytes, events } = transcriptOf(bundle);
    const chain = verifyChain(bytes, SCRIPT_SHA256);
    expect(chain.problem).toBeUndefined();
    expect(chain.lines).toBe(events.length);
    if (afterClose) {
      expect(events.at(-1)!.type).toBe('ceremony.closed');
      expect((await verifyBundle(bundle)).verdict).toBe('incomplete');
    } else {
      expect(events.some((e) => e.type === 'deviation.recorded' && String(e.data.description).includes((stop as HsmError).message))).toBe(true);
    }
  });

  it('resumes, once the HSM is back, to a bundle that verifies, with each key on the token once', async () => {
    const finished = await resumeCeremony({ bundleDir: bundle, host, modulePath: SOFTHSM_MODULE });
    const report = await verifyBundle(finished.bundleDir);
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped')).toEqual([]);
    expect(report.verdict).toBe('verified');
    const { events } = transcriptOf(bundle);
    expect(events.filter((e) => e.type === 'ceremony.resumed')).toHaveLength(afterClose ? 0 : 1);
    expect(events.filter((e) => e.type === 'key.generated').map((e) => e.data.label)).toEqual(KEY_LABELS);
    const labels = await labelsOnToken(store.tokens[0]!.pin);
    for (const label of KEY_LABELS) expect(labels.filter((l) => l.endsWith(` ${label}`)).length, label).toBe(label.includes('master') ? 1 : 2);
  }, 120_000);
});

describe('the module fails to finalise after the ceremony finished', () => {
  it('the ceremony still reports finished, and its bundle verifies', async () => {
    const root = mkdtempSync(join(tmpdir(), 'conclave-fault-'));
    const store = createTokenStore([TOKEN]);
    const host = new PracticeHost(new Map([[TOKEN, new TextEncoder().encode(store.tokens[0]!.pin)]]));
    try {
      faults.arm({ fn: 'C_Finalize', nth: 1, ckr: 'CKR_DEVICE_ERROR' });
      const finished = await startCeremony({ scriptPath: SCRIPT, bundleDir: join(root, 'bundle'), host, rehearsal: true, modulePath: SOFTHSM_MODULE }).finally(() => faults.disarm());
      expect(faults.fired).toBe(true);
      expect((await verifyBundle(finished.bundleDir)).verdict).toBe('verified');
    } finally {
      host.forget();
      store.cleanup();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
