import { describe, expect, it, vi } from 'vitest';
import { apiShape, channelName, invokeChannel } from '../../../shared/ipc/api-shape.js';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { IpcMain } from 'electron';
import { registerIpcHandlers, trustedSender, type IpcSender } from '../../../main/electron/ipc-wrapper.js';

type IpcHandler = (event: IpcSender, request: unknown) => Promise<unknown>;

/** A stand-in ipcMain that records handle() registrations. */
function standInIpcMain() {
  const registered = new Map<string, IpcHandler>();
  return { registered, ipcMain: { handle: (channel: string, handler: IpcHandler) => void registered.set(channel, handler) } };
}

const WINDOW_ID = 7;
const mainFrame = (url: string) => ({ url, parent: null });
const fromApp: IpcSender = { sender: { id: WINDOW_ID }, senderFrame: mainFrame('app://conclave/index.html') as never };

function wired() {
  const info = vi.fn(async () => ({ name: 'Conclave', version: '1', rehearsal: { available: false, modulePath: '/x' } }));
  const pin = vi.fn(async () => null);
  const handlers = { app: { info }, hsm: { listTokens: vi.fn() }, host: { pin } } as unknown as Handlers;
  const { registered, ipcMain } = standInIpcMain();
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, handlers, trustedSender(new Set([WINDOW_ID])));
  const call = (name: string, event: IpcSender, request: unknown) => registered.get(invokeChannel(name))!(event, request);
  return { registered, call, info, pin };
}

describe('the IPC wrapper', () => {
  it('registers exactly one handler per channel of the contract', () => {
    const expected = apiShape().channels.map(({ group, method }) => invokeChannel(channelName(group, method)));
    expect([...wired().registered.keys()].sort()).toEqual(expected.sort());
  });

  it("runs the handler for the app's own window", async () => {
    const { call, info } = wired();
    expect(await call('app.info', fromApp, {})).toMatchObject({ ok: true });
    expect(info).toHaveBeenCalledOnce();
  });

  it('refuses a request from a frame of another origin, before the handler', async () => {
    const { call, info } = wired();
    const event = { sender: { id: WINDOW_ID }, senderFrame: mainFrame('https://evil.example/') as never };
    expect(await call('app.info', event, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a look-alike origin', async () => {
    const { call, info } = wired();
    const event = { sender: { id: WINDOW_ID }, senderFrame: mainFrame('app://conclave.evil/index.html') as never };
    expect(await call('app.info', event, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one at the app origin', async () => {
    const { call, info } = wired();
    const event = { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://conclave/index.html', parent: mainFrame('app://conclave/index.html') } as never };
    expect(await call('app.info', event, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a web contents the app did not create', async () => {
    const { call, info } = wired();
    expect(await call('app.info', { ...fromApp, sender: { id: 99 } }, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a frame that is already gone', async () => {
    const { call } = wired();
    expect(await call('app.info', { sender: { id: WINDOW_ID }, senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
  });

  it('refuses a request that fails its schema before the handler runs', async () => {
    const { call, pin } = wired();
    expect(await call('host.pin', fromApp, { id: 'q1' })).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
    expect(pin).not.toHaveBeenCalled();
  });
});
