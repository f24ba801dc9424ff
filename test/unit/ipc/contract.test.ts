import { describe, expect, it } from 'vitest';
import { apiShape, channelName, eventChannel, invokeChannel } from '../../../shared/ipc/api-shape.js';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import { contract } from '../../../shared/ipc/contract.js';
import { RendererHost } from '../../../main/service/renderer-host.js';
import { createServices } from '../../../main/service/services.js';

function services(): Handlers {
  return createServices({
    app: { name: 'Conclave', version: '0.0.0-test', rehearsalModulePath: '/nonexistent/libsofthsm2.so' },
    modulePath: () => '/nonexistent/libsofthsm2.so',
    listMedia: async () => [],
    host: new RendererHost(() => undefined, async () => []),
  });
}

describe('the IPC contract', () => {
  it('has a handler for every channel, and no handler without a channel', () => {
    const handlers = services() as unknown as Record<string, Record<string, unknown>>;
    const declared = apiShape().channels.map(({ group, method }) => channelName(group, method)).sort();
    const implemented = Object.entries(handlers)
      .flatMap(([group, methods]) => Object.entries(methods).filter(([, fn]) => typeof fn === 'function').map(([method]) => channelName(group, method)))
      .sort();
    expect(implemented).toEqual(declared);
  });

  it('makes a handler map that lacks a channel a compile error', () => {
    const all = services();
    // @ts-expect-error — without the "hsm" group this is not a Handlers map.
    const withoutHsm: Handlers = { app: all.app, host: all.host };
    expect(Object.keys(withoutHsm)).not.toContain('hsm');
  });

  it('makes a handler with the wrong response type a compile error', () => {
    const all = services();
    // @ts-expect-error — app.info must resolve with AppInfo, not a string.
    const wrong: Handlers = { ...all, app: { info: async () => 'Conclave' } };
    expect(wrong.app).toBeDefined();
  });

  it('names no group "on", the name the API keeps for event subscriptions', () => {
    expect(Object.keys(contract)).not.toContain('on');
  });

  it('gives every channel and event its own Electron IPC channel under the conclave: prefix', () => {
    const { channels, events } = apiShape();
    const names = [...channels.map(({ group, method }) => invokeChannel(channelName(group, method))), ...events.map(eventChannel)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.startsWith('conclave:')).toBe(true);
  });

  it('refuses unknown keys in every request, so a renderer cannot smuggle fields past a handler', () => {
    for (const [group, methods] of Object.entries(contract)) {
      for (const [method, channel] of Object.entries(methods)) {
        const issues = channel.request.safeParse({ smuggled: true }).error?.issues ?? [];
        expect(issues.some((issue: { code: string }) => issue.code === 'unrecognized_keys'), `${group}.${method}`).toBe(true);
      }
    }
  });
});
