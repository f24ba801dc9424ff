import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiShape } from '../../../shared/ipc/api-shape.js';
import { buildRenderer } from '../../support/bridge/build-renderer.js';
import { bridgedEngine, type BridgedEngine } from '../../support/bridge/engine-services.js';
import { launchBridge, type Bridge } from '../../support/bridge/launch-bridge.js';
import { createTokenStore, type TestTokenStore } from '../../support/softhsm.js';

// The built renderer in Debian's Chromium, talking through the bridge to the
// real handlers of main/service on a SoftHSM token.
describe('the home page in Chromium, through the bridge', () => {
  let outDir: string;
  let store: TestTokenStore;
  let bridge: Bridge;
  let engine: BridgedEngine;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'conclave-renderer-'));
    store = createTokenStore(['bridge-root-ca', 'bridge-backup']);
    await buildRenderer(outDir);
    bridge = await launchBridge({ rendererDir: outDir, services: (emit) => (engine = bridgedEngine(emit)).handlers });
  });

  afterAll(async () => {
    await bridge?.close();
    store?.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('lists each SoftHSM token with its label and serial', async () => {
    const tokens = bridge.page.getByRole('list', { name: 'Tokens' });
    for (const token of store.tokens) {
      const item = tokens.getByRole('listitem').filter({ has: bridge.page.getByRole('heading', { name: token.label }) });
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.innerText()).toContain(token.serial);
    }
  });

  it("shows the application's version from app.info", async () => {
    await expect.poll(() => bridge.page.getByText('Version 0.1.0').count()).toBe(1);
  });

  it('shows a token inserted later when asked to look again', async () => {
    const added = store.addToken('bridge-late-token');
    await bridge.page.getByRole('button', { name: 'Look again' }).click();
    await expect.poll(() => bridge.page.getByRole('heading', { name: added.label }).count()).toBe(1);
  });

  it('gives the page exactly the API the contract declares', async () => {
    const keys = await bridge.page.evaluate(() => {
      const api = (globalThis as unknown as { conclave: Record<string, Record<string, unknown>> }).conclave;
      return Object.keys(api).map((group) => [group, typeof api[group] === 'function' ? [] : Object.keys(api[group]!)] as const);
    });
    const expected = new Map<string, string[]>([['on', []]]);
    for (const { group, method } of apiShape().channels) expected.set(group, [...(expected.get(group) ?? []), method]);
    expect(new Map(keys.map(([g, m]) => [g, [...m]]))).toEqual(expected);
  });

  it('refuses a request that fails its schema before any handler runs', async () => {
    const result = await bridge.page.evaluate(() =>
      (globalThis as unknown as { conclave: { host: { confirm: (r: unknown) => Promise<unknown> } } }).conclave.host.confirm({ id: 'x', typed: 42 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
  });

  it('delivers an event from main to a subscriber in the page, payload only', async () => {
    await bridge.page.evaluate(() => {
      const g = globalThis as unknown as { conclave: { on: (e: string, l: (...args: unknown[]) => void) => void }; seen: unknown[][] };
      g.seen = [];
      g.conclave.on('host.ask', (...args) => g.seen.push(args));
    });
    const answered = engine.host.acknowledge({ step: 'roll-call', title: 'Witness present', detail: 'The witness confirms the room is ready.', actor: 'Witness' });
    await expect.poll(() => bridge.page.evaluate(() => (globalThis as unknown as { seen: unknown[][] }).seen.length)).toBe(1);
    const [args] = await bridge.page.evaluate(() => (globalThis as unknown as { seen: unknown[][] }).seen);
    expect(args).toHaveLength(1);
    const question = args![0] as { id: string; kind: string };
    expect(question.kind).toBe('acknowledge');
    const result = await bridge.page.evaluate(
      (id) => (globalThis as unknown as { conclave: { host: { acknowledge: (r: unknown) => Promise<unknown> } } }).conclave.host.acknowledge({ id }),
      question.id,
    );
    expect(result).toEqual({ ok: true, value: null });
    await expect(answered).resolves.toBeUndefined();
  });

  it('loads without console errors, CSP violations or requests outside its origin', () => {
    expect(bridge.pageErrors).toEqual([]);
    expect(bridge.blockedRequests).toEqual([]);
  });

  // Last: it navigates the page away from the app.
  it('refuses a call from a page of another origin', async () => {
    await bridge.page.route('https://elsewhere.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }));
    await bridge.page.goto('https://elsewhere.test/');
    const result = await bridge.page.evaluate(() => (globalThis as unknown as { conclave: { app: { info: (r: unknown) => Promise<unknown> } } }).conclave.app.info({}));
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });
});
