import { describe, expect, it } from 'vitest';
import { apiShape, buildConclaveApi, type ApiTransport } from '../../../shared/ipc/api-shape.js';

function transport(overrides: Partial<ApiTransport> = {}): ApiTransport & { invoked: [string, unknown][] } {
  const invoked: [string, unknown][] = [];
  return {
    invoked,
    invoke: async (name, request) => {
      invoked.push([name, request]);
      return { ok: true, value: name };
    },
    subscribe: () => () => undefined,
    ...overrides,
  };
}

describe('buildConclaveApi, the object the renderer sees as window.conclave', () => {
  it('has one function per channel, grouped as the contract groups them, and on', () => {
    const api = buildConclaveApi(apiShape(), transport()) as unknown as Record<string, Record<string, unknown>>;
    for (const { group, method } of apiShape().channels) expect(typeof api[group]![method]).toBe('function');
    const count = Object.entries(api).reduce((n, [, v]) => n + (typeof v === 'function' ? 1 : Object.keys(v).length), 0);
    expect(count).toBe(apiShape().channels.length + 1);
  });

  it('sends each call under its channel name with the request unchanged', async () => {
    const t = transport();
    const api = buildConclaveApi(apiShape(), t);
    expect(await api.hsm.listTokens({})).toEqual({ ok: true, value: 'hsm.listTokens' });
    await api.host.confirm({ id: 'q1', typed: 'SIGN' });
    expect(t.invoked).toEqual([
      ['hsm.listTokens', {}],
      ['host.confirm', { id: 'q1', typed: 'SIGN' }],
    ]);
  });

  it('turns a transport failure into an error value instead of a rejection', async () => {
    const api = buildConclaveApi(apiShape(), transport({ invoke: () => Promise.reject(new Error('no handler registered')) }));
    expect(await api.app.info({})).toMatchObject({ ok: false, error: { code: 'ipc.unavailable' } });
  });

  it('cannot be altered by the page', () => {
    const api = buildConclaveApi(apiShape(), transport()) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.hsm)).toBe(true);
    expect(() => {
      api.hsm!.listTokens = () => undefined;
    }).toThrow(TypeError);
  });

  it('subscribes only to events the contract declares', () => {
    const subscribed: string[] = [];
    const api = buildConclaveApi(apiShape(), transport({ subscribe: (event) => (subscribed.push(event), () => undefined) }));
    api.on('host.ask', () => undefined);
    expect(subscribed).toEqual(['host.ask']);
    expect(() => (api.on as (e: string, l: () => void) => void)('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow(/no event/);
  });
});
