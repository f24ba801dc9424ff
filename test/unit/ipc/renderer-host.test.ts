import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc/api-types.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import { RendererHost } from '../../../main/service/renderer-host.js';

/** A host whose events are recorded, with predictable question ids. */
function recordedHost(): { host: RendererHost; events: { event: EventName; payload: unknown }[]; asked: () => HostQuestion[] } {
  const events: { event: EventName; payload: unknown }[] = [];
  let n = 0;
  const host = new RendererHost(<E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }), () => `q${++n}`);
  const asked = () => events.filter((e) => e.event === 'host.ask').map((e) => e.payload as HostQuestion);
  return { host, events, asked };
}

const WORDS = ['abandon', 'ability', 'able', 'zoo', 'absorb', 'abstract'];
const share = { step: 'custodians', custodian: 'Alice', member: 1, of: 5, threshold: 3, words: WORDS, qrDataUrl: 'data:image/png;base64,AA==', fingerprint: '0011223344556677' };

describe('RendererHost, the runner host behind the screens', () => {
  it('sends a question to the screen and resolves when it is acknowledged', async () => {
    const { host, events, asked } = recordedHost();
    const acknowledged = host.acknowledge({ step: 'roll-call', title: 'Room ready', detail: 'Doors closed.', actor: 'Witness' });
    expect(asked()).toEqual([{ id: 'q1', kind: 'acknowledge', step: 'roll-call', title: 'Room ready', detail: 'Doors closed.', actor: 'Witness' }]);
    host.answer('q1', { kind: 'acknowledge' });
    await expect(acknowledged).resolves.toBeUndefined();
    expect(events.at(-1)).toEqual({ event: 'host.settled', payload: { id: 'q1' } });
    expect(host.pending()).toEqual([]);
  });

  it('refuses a mistyped confirmation word and keeps the question open', async () => {
    const { host } = recordedHost();
    const confirmed = host.confirm({ step: 'sign-root', title: 'Sign the root certificate', detail: '', word: 'SIGN' });
    expect(() => host.answer('q1', { kind: 'confirm', typed: 'sign' })).toThrow(expect.objectContaining({ code: 'host.confirm-mismatch' }));
    expect(host.pending().map((q) => q.id)).toEqual(['q1']);
    host.answer('q1', { kind: 'confirm', typed: ' SIGN ' });
    await expect(confirmed).resolves.toBeUndefined();
  });

  it('accepts a re-entered share typed as four-letter prefixes', async () => {
    const { host } = recordedHost();
    const received = host.presentShare(share);
    host.answer('q1', { kind: 'share-received', words: ['aban', 'abil', 'able', 'zoo', 'ABSO', 'abstract'] });
    await expect(received).resolves.toBeUndefined();
  });

  it('names the first re-entered word that differs from the share shown', async () => {
    const { host } = recordedHost();
    void host.presentShare(share);
    expect(() => host.answer('q1', { kind: 'share-received', words: ['abandon', 'ability', 'able', 'zoo', 'abst', 'abstract'] })).toThrow(/Word 5 /);
    expect(() => host.answer('q1', { kind: 'share-received', words: ['ab', 'ability', 'able', 'zoo', 'absorb', 'abstract'] })).toThrow(/Word 1 /);
    expect(() => host.answer('q1', { kind: 'share-received', words: WORDS.slice(1) })).toThrow(/6 words; 5 were entered/);
    expect(host.pending()).toHaveLength(1);
  });

  it('hands a share brought back to the runner as bytes it can zero', async () => {
    const { host } = recordedHost();
    const taken = host.takeShare({ step: 'recovery', received: 0, needed: 3 });
    host.answer('q1', { kind: 'share-entered', words: [' Abandon', 'ABILITY '] });
    const bytes = await taken;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('abandon ability');
  });

  it('hands the PIN to the runner as bytes it can zero', async () => {
    const { host } = recordedHost();
    const pin = host.enterPin({ step: 'login', token: { label: 'root', serial: '1234' }, pin: 'ok' });
    host.answer('q1', { kind: 'pin', pin: '987654' });
    expect(Array.from(await pin)).toEqual(Array.from(new TextEncoder().encode('987654')));
  });

  it('refuses an answer of the wrong kind', () => {
    const { host } = recordedHost();
    void host.enterPin({ step: 'login', token: { label: 'root', serial: '1234' }, pin: 'ok' });
    expect(() => host.answer('q1', { kind: 'acknowledge' })).toThrow(expect.objectContaining({ code: 'host.wrong-answer' }));
    expect(host.pending()).toHaveLength(1);
  });

  it('refuses an answer to a question that is not open', () => {
    const { host } = recordedHost();
    expect(() => host.answer('q9', { kind: 'acknowledge' })).toThrow(expect.objectContaining({ code: 'host.unknown-question' }));
  });

  it("rejects the runner's question with the reason when the room declines", async () => {
    const { host, events } = recordedHost();
    const acknowledged = host.acknowledge({ step: 'preflight', title: 'Network interface up', detail: 'eth0 is up.', actor: 'Witness' });
    host.decline('q1', 'The network cable cannot be unplugged.');
    await expect(acknowledged).rejects.toMatchObject({ code: 'host.declined', message: expect.stringContaining('network cable') });
    expect(events.at(-1)).toEqual({ event: 'host.settled', payload: { id: 'q1' } });
  });

  it('withdraws every open question when closed', async () => {
    const { host } = recordedHost();
    const a = host.acknowledge({ step: 's', title: 't', detail: 'd', actor: 'W' });
    const b = host.takeShare({ step: 's', received: 1, needed: 2 });
    host.close('The Conclave window was closed.');
    await expect(a).rejects.toMatchObject({ code: 'host.closed' });
    await expect(b).rejects.toMatchObject({ code: 'host.closed' });
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
});
