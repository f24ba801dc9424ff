import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiShape, eventChannel, invokeChannel } from '../../../shared/ipc/api-shape.js';
import { bundlePreload, PRELOAD_FILE } from '../../../renderer/build/preload-bundle.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * Runs the preload bundle as Electron runs a sandboxed preload: a CommonJS
 * script whose `require` knows 'electron' and nothing else, here with a
 * stand-in contextBridge and ipcRenderer that record what the preload does.
 */
function runPreload(source: string) {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, [...(listeners.get(channel) ?? []), listener])),
    removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener))),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.set(key, api)) };
  const required: string[] = [];
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name} (a sandboxed preload can require only 'electron')`);
  };
  const module = { exports: {} };
  runInNewContext(source, { require: sandboxRequire, module, exports: module.exports, console });
  const emit = (event: string, payload: unknown) => {
    for (const listener of listeners.get(eventChannel(event)) ?? []) listener({ sender: ipcRenderer, senderId: 0 }, payload);
  };
  return { exposed, contextBridge, ipcRenderer, required, emit, listeners };
}

describe('the preload, bundled as the app ships it', () => {
  let outDir: string;
  let source: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'conclave-preload-'));
    await bundlePreload({ entry: resolve(ROOT, 'main/electron/preload.ts'), outDir });
    source = readFileSync(join(outDir, PRELOAD_FILE), 'utf8');
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("is one CommonJS script that requires only 'electron' (a sandboxed preload cannot be an ES module)", () => {
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    const { required } = runPreload(source);
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly one object, conclave, and only once', () => {
    const { contextBridge, exposed } = runPreload(source);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...exposed.keys()]).toEqual(['conclave']);
  });

  it("exposes exactly the contract's methods and on, nothing else", () => {
    const api = runPreload(source).exposed.get('conclave') as Record<string, unknown>;
    const expected: Record<string, string[]> = { on: [] };
    for (const { group, method } of apiShape().channels) (expected[group] ??= []).push(method);
    const actual = Object.fromEntries(Object.entries(api).map(([key, value]) => [key, typeof value === 'function' ? [] : Object.keys(value as object)]));
    expect(actual).toEqual(expected);
  });

  it('never hands the page ipcRenderer or any of its methods', () => {
    const { exposed, ipcRenderer } = runPreload(source);
    const reachable = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || reachable.has(value)) return;
      reachable.add(value);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    walk(exposed.get('conclave'));
    for (const forbidden of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.send, ipcRenderer.sendSync]) expect(reachable.has(forbidden)).toBe(false);
  });

  it("sends each call on its channel's IPC name with the request as given", async () => {
    const { exposed, ipcRenderer } = runPreload(source);
    const api = exposed.get('conclave') as { hsm: { listTokens: (r: unknown) => Promise<unknown> } };
    await api.hsm.listTokens({});
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(invokeChannel('hsm.listTokens'), {});
  });

  it('gives an event listener the payload only, never the IPC event object', () => {
    const { exposed, emit } = runPreload(source);
    const api = exposed.get('conclave') as { on: (e: string, l: (...args: unknown[]) => void) => () => void };
    const listener = vi.fn();
    api.on('host.settled', listener);
    emit('host.settled', { id: 'q1' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ id: 'q1' });
  });

  it('stops delivering events once unsubscribed', () => {
    const { exposed, emit, listeners } = runPreload(source);
    const api = exposed.get('conclave') as { on: (e: string, l: (...args: unknown[]) => void) => () => void };
    const listener = vi.fn();
    api.on('runner.progress', listener)();
    emit('runner.progress', { step: 'generate-key.root', message: 'Generating…' });
    expect(listener).not.toHaveBeenCalled();
    expect(listeners.get(eventChannel('runner.progress'))).toEqual([]);
  });

  it('refuses to subscribe to a channel that is not a contract event', () => {
    const { exposed, ipcRenderer } = runPreload(source);
    const api = exposed.get('conclave') as { on: (e: string, l: () => void) => void };
    expect(() => api.on('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
