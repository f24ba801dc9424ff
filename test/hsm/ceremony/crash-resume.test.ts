import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../main/bundle/verify-bundle.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';

const SCRIPT = join(import.meta.dirname, '../../../examples/root-key-generation.yaml');
const CHILD = join(import.meta.dirname, '../../support/ceremony-child.ts');

/** Where to kill: the first event of this type (and step, when given) not yet seen. */
interface KillPoint {
  type: string;
  step?: string;
  what: string;
}

/** Every step boundary of the root ceremony, and the middle of generation, hand-off, signing, export and sealing. */
async function killPoints(): Promise<KillPoint[]> {
  const { plan } = await loadScript(SCRIPT);
  const points: KillPoint[] = [];
  for (const step of plan.steps) {
    if (step.action.type === 'generate-key' || step.action.type === 'certificate.sign' || step.action.type === 'crl.sign' || step.action.type === 'usb.write') {
      points.push({ type: 'step.started', step: step.id, what: `in the middle of ${step.id}` });
    }
    if (step.action.type === 'custodian.handoff' && step.id === 'handoff.3') points.push({ type: 'share.issued', step: step.id, what: 'in the middle of a custodian hand-off' });
    if (step.id !== 'close') points.push({ type: 'step.completed', step: step.id, what: `after ${step.id}` });
  }
  points.push({ type: 'ceremony.closed', what: 'while sealing' });
  return points;
}

/** Runs the child, which kills itself (SIGKILL) the moment the kill point's event is on disk. */
function runUntil(args: string[], env: NodeJS.ProcessEnv, point: KillPoint | undefined): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // node itself with tsx's loader, not the tsx command: that one runs the program in a
    // second process, which a SIGKILL to the first would leave running.
    const childEnv = { ...env, CONCLAVE_TEST_KILL_AT: point ? JSON.stringify({ type: point.type, step: point.step }) : '' };
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code, signal) => resolve({ killed: signal === 'SIGKILL', code, stderr }));
  });
}

function events(bundle: string): TranscriptEvent[] {
  return readFileSync(join(bundle, 'transcript.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TranscriptEvent);
}

describe('a root ceremony killed (SIGKILL) at every step boundary and mid-step, resumed each time', () => {
  let store: TestTokenStore;
  let bundle: string;
  let kills = 0;
  let killsAfterClose = 0;
  const log: string[] = [];

  beforeAll(async () => {
    const { script } = await loadScript(SCRIPT);
    store = createTokenStore([script.hsm.token]);
    bundle = join(mkdtempSync(join(tmpdir(), 'conclave-crash-')), 'bundle');
    // CONCLAVE_CHROMIUM at nothing: the printed documents are written as HTML (which verify
    // accepts), so thirty resumed processes do not each start a Chromium.
    const env = { ...process.env, SOFTHSM2_CONF: store.conf, CONCLAVE_TEST_TOKEN: script.hsm.token, CONCLAVE_TEST_PIN: store.tokens[0]!.pin, CONCLAVE_CHROMIUM: '/nonexistent/chromium' };
    const points = await killPoints();
    let run = await runUntil(['start', SCRIPT, bundle], env, points[0]);
    for (let i = 1; run.killed; i++) {
      kills++;
      if (points[i - 1]!.type === 'ceremony.closed') killsAfterClose++;
      log.push(`killed ${points[i - 1]!.what}`);
      run = await runUntil(['resume', bundle], env, points[i]);
    }
    expect(run.code, `${log.join('\n')}\n${run.stderr}\n${readFileSync(join(bundle, 'transcript.jsonl'), 'utf8').split('\n').slice(-40).map((l) => l.slice(0, 160)).join('\n')}`).toBe(0);
  }, 900_000);

  afterAll(() => {
    store?.cleanup();
    if (bundle && !process.env.KEEP_CRASH_BUNDLE) rmSync(join(bundle, '..'), { recursive: true, force: true });
  });

  it('was killed many times, at each kind of point', () => {
    expect(kills, log.join('\n')).toBeGreaterThan(20);
    expect(log).toContain('killed while sealing');
    expect(log).toContain('killed in the middle of a custodian hand-off');
  });

  it('ends with a bundle that conclave verify accepts', async () => {
    const report = await verifyBundle(bundle);
    expect(report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped')).toEqual([]);
    expect(report.verdict).toBe('verified');
  });

  it('ends with a bundle that sha256sum and openssl accept as FORMATS.md writes them', () => {
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: bundle, stdio: 'pipe' }).toString();
    run('sha256sum', ['-c', 'SHA256SUMS']);
    run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'transcript.jsonl.p7s', '-content', 'transcript.jsonl', '-CAfile', 'certs/root.pem', '-purpose', 'any', '-out', '/dev/null']);
    expect(run('openssl', ['verify', '-x509_strict', '-check_ss_sig', '-CAfile', 'certs/root.pem', 'certs/root.pem'])).toContain('OK');
    expect(run('openssl', ['verify', '-x509_strict', '-CAfile', 'certs/root.pem', 'certs/issuing-ca.pem'])).toContain('OK');
    run('openssl', ['crl', '-inform', 'DER', '-in', 'crls/root.crl', '-CAfile', 'certs/root.pem', '-noout']);
  });

  it('records one ceremony.resumed per crash before the close', () => {
    expect(events(bundle).filter((e) => e.type === 'ceremony.resumed')).toHaveLength(kills - killsAfterClose);
  });

  it('never generated a key twice: the token holds exactly one of each', async () => {
    const keyEvents = events(bundle).filter((e) => e.type === 'key.generated');
    expect(new Set(keyEvents.map((e) => e.data.label)).size).toBe(keyEvents.length);
    const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
    try {
      const session = await hsm.openSession({ label: store.tokens[0]!.label });
      await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
      const inventory = await session.inventory();
      for (const e of keyEvents) expect(inventory.filter((o) => o.label === e.data.label && o.class !== 'public-key')).toHaveLength(1);
      await session.close();
    } finally {
      await hsm.close();
    }
  });

  it('holds no duplicated outcome: each certificate, CRL, participant and verified share once', () => {
    const all = events(bundle);
    const once = (type: string, key: (e: TranscriptEvent) => string) => {
      const keys = all.filter((e) => e.type === type).map(key);
      expect(new Set(keys).size, `${type} repeated`).toBe(keys.length);
    };
    once('cert.issued', (e) => String(e.data.name));
    once('crl.issued', (e) => String(e.data.name));
    once('participant.present', (e) => String(e.data.name));
    once('share.verified', (e) => `${String(e.data.shareSetId)} ${String(e.data.index)}`);
    once('backup.written', () => 'backup');
  });

  it('declares void every share set whose KEK a crash lost', () => {
    const all = events(bundle);
    const written = all.find((e) => e.type === 'backup.written')!.data.shareSetId;
    const sets = new Set(all.filter((e) => e.type === 'kek.generated').map((e) => String(e.data.shareSetId)));
    const voided = new Set(all.filter((e) => e.type === 'backup.voided').map((e) => String(e.data.shareSetId)));
    for (const set of sets) expect(set === written || voided.has(set), `share set ${set}`).toBe(true);
  });
});
