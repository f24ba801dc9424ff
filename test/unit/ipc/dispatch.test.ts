import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import { dispatch } from '../../../main/service/dispatch.js';
import { HsmError } from '../../../main/hsm/hsm-error.js';

/** A handler map whose every handler records its calls; `override` replaces some. */
function recordingHandlers(override: Partial<{ [G in keyof Handlers]: Partial<Handlers[G]> }> = {}): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => async () => {
    calls.push(name);
    return null as never;
  };
  const handlers = {
    app: { info: record('app.info'), ...override.app },
    hsm: { listTokens: record('hsm.listTokens'), ...override.hsm },
    script: { check: record('script.check'), ...override.script },
    bundle: { verify: record('bundle.verify'), ...override.bundle },
    media: { list: record('media.list'), ...override.media },
    host: {
      pending: record('host.pending'),
      acknowledge: record('host.acknowledge'),
      confirm: record('host.confirm'),
      shareHidden: record('host.shareHidden'),
      shareEntered: record('host.shareEntered'),
      pin: record('host.pin'),
      mediaChosen: record('host.mediaChosen'),
      decline: record('host.decline'),
      ...override.host,
    },
  } as Handlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('runs the handler of a valid request and returns its value', async () => {
    const info = { name: 'Conclave', version: '1.2.3', rehearsal: { available: true, modulePath: '/x.so' } };
    const { handlers } = recordingHandlers({ app: { info: async () => info } });
    expect(await dispatch(handlers, 'app.info', {})).toEqual({ ok: true, value: info });
  });

  it('refuses a request that fails its schema before the handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatch(handlers, 'host.pin', { id: 'q1', pin: 1234 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
    expect(calls).toEqual([]);
  });

  it('names the field that failed without echoing the value sent', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatch(handlers, 'host.pin', { id: 'q1', pin: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain('pin');
    }
    const secret = await dispatch(handlers, 'host.pin', { id: 'q1', pin: 'x'.repeat(300) });
    expect(JSON.stringify(secret)).not.toContain('x'.repeat(300));
  });

  it('refuses extra fields in a request', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatch(handlers, 'hsm.listTokens', { modulePath: '/tmp/evil.so' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.bad-request' } });
    expect(calls).toEqual([]);
  });

  it('refuses a channel the contract does not declare', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatch(handlers, 'shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  });

  it("refuses names that reach for an object's prototype", async () => {
    const { handlers } = recordingHandlers();
    for (const name of ['__proto__.constructor', 'app.constructor', 'app.__proto__', 'constructor.name', 'toString', '.info']) {
      expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    }
  });

  it("turns a typed engine error into an error value with the error's code and message", async () => {
    const message = 'Wrong PIN — 2 tries left before the token locks.';
    const { handlers } = recordingHandlers({
      hsm: {
        listTokens: async () => {
          throw new HsmError('PIN_INCORRECT', message);
        },
      },
    });
    expect(await dispatch(handlers, 'hsm.listTokens', {})).toEqual({ ok: false, error: { code: 'PIN_INCORRECT', message } });
  });

  it('turns an untyped error into an "internal" error value without its stack', async () => {
    const failing = vi.fn(async () => {
      throw new Error('disk on fire');
    });
    const { handlers } = recordingHandlers({ app: { info: failing } });
    const result = await dispatch(handlers, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).toContain('disk on fire');
    expect(JSON.stringify(result)).not.toContain('at ');
  });
});
