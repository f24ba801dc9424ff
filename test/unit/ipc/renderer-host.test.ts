import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc/api-types.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import { HostDeclined } from '../../../main/ceremony/runner/ceremony-host.js';
import { RendererHost } from '../../../main/service/renderer-host.js';

const STICK: RemovableMedium = { mountPoint: '/media/witness/CEREMONY-1', name: 'CEREMONY-1', freeBytes: 8_000_000_000 };

/** A host whose events are recorded, with predictable question ids and a drive list the test controls. */
function recordedHost(media: RemovableMedium[] = [STICK]) {
  const events: { event: EventName; payload: unknown }[] = [];
  let n = 0;
  const drives = { now: media };
  const host = new RendererHost(
    <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    async () => drives.now,
    () => `q${++n}`,
  );
  const asked = () => events.filter((e) => e.event === 'host.ask').map((e) => e.payload as HostQuestion);
  return { host, events, asked, drives };
}

/** Lets the host's asynchronous ask (chooseMedia lists the drives first) reach the screen. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const share = { step: 'handoff.1', custodian: 'Alice', member: 1, of: 5, threshold: 3, words: ['abandon', 'ability'], qrDataUrl: 'data:image/svg+xml;base64,AA==', fingerprint: '0011223344556677' };

describe('RendererHost, the runner host behind the screens', () => {
  it('sends a question to the screen and resolves when it is acknowledged', async () => {
    const { host, events, asked } = recordedHost();
    const acknowledged = host.acknowledge({ step: 'roll-call', title: 'Room ready', detail: 'Doors closed.', actor: 'Witness' });
    expect(asked()).toEqual([{ id: 'q1', kind: 'acknowledge', step: 'roll-call', title: 'Room ready', detail: 'Doors closed.', actor: 'Witness' }]);
    await host.answer('q1', { kind: 'acknowledge' });
    await expect(acknowledged).resolves.toBeUndefined();
    expect(events.at(-1)).toEqual({ event: 'host.settled', payload: { id: 'q1' } });
    expect(host.pending()).toEqual([]);
  });

  it('refuses a mistyped confirmation word and keeps the question open', async () => {
    const { host } = recordedHost();
    const confirmed = host.confirm({ step: 'sign-root', title: 'Sign the root certificate', detail: '', word: 'SIGN' });
    await expect(host.answer('q1', { kind: 'confirm', typed: 'sign' })).rejects.toMatchObject({ code: 'host.confirm-mismatch' });
    expect(host.pending().map((q) => q.id)).toEqual(['q1']);
    await host.answer('q1', { kind: 'confirm', typed: ' SIGN ' });
    await expect(confirmed).resolves.toBeUndefined();
  });

  it("shows a share and resolves once the screen hides it, then drops it from what's pending", async () => {
    const { host, asked } = recordedHost();
    const shown = host.presentShare(share);
    expect(asked()[0]).toMatchObject({ kind: 'present-share', words: ['abandon', 'ability'] });
    await host.answer('q1', { kind: 'share-hidden' });
    await expect(shown).resolves.toBeUndefined();
    expect(host.pending()).toEqual([]);
  });

  it('hands a share brought back to the runner as bytes it can zero', async () => {
    const { host } = recordedHost();
    const taken = host.takeShare({ step: 'recovery', received: 0, needed: 3 });
    await host.answer('q1', { kind: 'share-entered', words: [' Abandon', 'ABILITY ', ''] });
    const bytes = await taken;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('abandon ability');
  });

  it('hands the PIN to the runner as bytes it can zero', async () => {
    const { host } = recordedHost();
    const pin = host.enterPin({ step: 'login', token: { label: 'root', serial: '1234' }, pin: 'ok' });
    await host.answer('q1', { kind: 'pin', pin: '987654' });
    expect(Array.from(await pin)).toEqual(Array.from(new TextEncoder().encode('987654')));
  });

  it('offers the drives mounted now and resolves with the one chosen', async () => {
    const { host, asked } = recordedHost();
    const chosen = host.chooseMedia({ step: 'usb.1', copy: 1, copies: 2, what: 'the wrapped backup' });
    await settle();
    expect(asked()[0]).toMatchObject({ kind: 'choose-media', copy: 1, copies: 2, media: [STICK] });
    await host.answer('q1', { kind: 'media', mountPoint: STICK.mountPoint });
    await expect(chosen).resolves.toBe(STICK.mountPoint);
  });

  it('refuses a folder that is not a removable drive mounted now', async () => {
    const { host, drives } = recordedHost();
    const chosen = host.chooseMedia({ step: 'usb.1', copy: 1, copies: 1, what: 'the wrapped backup' });
    await settle();
    await expect(host.answer('q1', { kind: 'media', mountPoint: '/etc' })).rejects.toMatchObject({ code: 'host.media-unknown' });
    drives.now = [];
    await expect(host.answer('q1', { kind: 'media', mountPoint: STICK.mountPoint })).rejects.toMatchObject({ code: 'host.media-unknown' });
    drives.now = [STICK];
    await host.answer('q1', { kind: 'media', mountPoint: STICK.mountPoint });
    await expect(chosen).resolves.toBe(STICK.mountPoint);
  });

  it('refuses an answer of the wrong kind', async () => {
    const { host } = recordedHost();
    void host.enterPin({ step: 'login', token: { label: 'root', serial: '1234' }, pin: 'ok' });
    await expect(host.answer('q1', { kind: 'acknowledge' })).rejects.toMatchObject({ code: 'host.wrong-answer' });
    expect(host.pending()).toHaveLength(1);
  });

  it('refuses an answer to a question that is not open', () => {
    const { host } = recordedHost();
    expect(() => host.answer('q9', { kind: 'acknowledge' })).toThrow(expect.objectContaining({ code: 'host.unknown-question' }));
  });

  it('settles a question once when two answers race', async () => {
    const { host, events } = recordedHost();
    const chosen = host.chooseMedia({ step: 'usb.1', copy: 1, copies: 1, what: 'x' });
    await settle();
    const answers = await Promise.allSettled([host.answer('q1', { kind: 'media', mountPoint: STICK.mountPoint }), host.answer('q1', { kind: 'media', mountPoint: STICK.mountPoint })]);
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(chosen).resolves.toBe(STICK.mountPoint);
    expect(events.filter((e) => e.event === 'host.settled')).toHaveLength(1);
  });

  it("rejects the runner's question with HostDeclined, carrying the reason, when the room stops", async () => {
    const { host, events } = recordedHost();
    const acknowledged = host.acknowledge({ step: 'preflight', title: 'Network interface up', detail: 'eth0 is up.', actor: 'Witness' });
    host.decline('q1', 'The network cable cannot be unplugged.');
    await expect(acknowledged).rejects.toBeInstanceOf(HostDeclined);
    await expect(acknowledged).rejects.toThrow(/network cable/);
    expect(events.at(-1)).toEqual({ event: 'host.settled', payload: { id: 'q1' } });
  });

  it('withdraws every open question when closed', async () => {
    const { host } = recordedHost();
    const a = host.acknowledge({ step: 's', title: 't', detail: 'd', actor: 'W' });
    const b = host.takeShare({ step: 's', received: 1, needed: 2 });
    host.close('The Conclave window was closed.');
    await expect(a).rejects.toBeInstanceOf(HostDeclined);
    await expect(b).rejects.toBeInstanceOf(HostDeclined);
    expect(host.pending()).toEqual([]);
  });

  it('lists the open questions, oldest first, for a screen that reloads', () => {
    const { host } = recordedHost();
    void host.acknowledge({ step: 's', title: 'first', detail: '', actor: 'W' });
    void host.presentShare(share);
    expect(host.pending().map((q) => [q.id, q.kind])).toEqual([
      ['q1', 'acknowledge'],
      ['q2', 'present-share'],
    ]);
  });

  it("passes the runner's notices to the screen as contract events, public facts only", () => {
    const { host, events } = recordedHost();
    host.notify({ kind: 'step', step: 'generate-key.root', state: 'started' });
    host.notify({ kind: 'progress', step: 'generate-key.root', message: 'Generating EC P-384 key "root" on the HSM…' });
    host.notify({ kind: 'event', seq: 7, type: 'key.generated', step: 'generate-key.root', hash: 'ab'.repeat(32) });
    expect(events).toEqual([
      { event: 'runner.step', payload: { step: 'generate-key.root', state: 'started' } },
      { event: 'runner.progress', payload: { step: 'generate-key.root', message: 'Generating EC P-384 key "root" on the HSM…' } },
      { event: 'transcript.event', payload: { seq: 7, type: 'key.generated', step: 'generate-key.root', sha256: 'ab'.repeat(32) } },
    ]);
  });
});
