import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc/api-types.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import { ShowShareAgain } from '../../../main/ceremony/runner/ceremony-host.js';
import { RendererHost } from '../../../main/service/renderer-host.js';

function recordedHost() {
  const events: { event: EventName; payload: unknown }[] = [];
  let n = 0;
  const host = new RendererHost(
    <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    async () => [],
    () => `q${++n}`,
  );
  const asked = () => events.filter((e) => e.event === 'host.ask').map((e) => e.payload as HostQuestion);
  return { host, events, asked };
}

const receipt = { step: 'handoff.2', custodian: 'Dave Dubois', received: 0, needed: 1 };

describe('RendererHost at a hand-off', () => {
  it('turns "show the share again" at a re-entry that offers it into ShowShareAgain with the reason', async () => {
    const { host, events } = recordedHost();
    const taken = host.takeShare({ ...receipt, showAgain: true });
    await host.answer('q1', { kind: 'show-again', reason: 'Lost my place at word 9' });
    const error = await taken.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShowShareAgain);
    expect((error as ShowShareAgain).reason).toBe('Lost my place at word 9');
    expect(events.at(-1)).toEqual({ event: 'host.settled', payload: { id: 'q1' } });
  });

  it('refuses "show the share again" where the runner does not offer it (a recovery), and keeps the question open', async () => {
    const { host } = recordedHost();
    void host.takeShare(receipt);
    await expect(host.answer('q1', { kind: 'show-again', reason: 'please' })).rejects.toMatchObject({ code: 'host.wrong-answer' });
    expect(host.pending().map((q) => q.id)).toEqual(['q1']);
  });

  it('asks for a passphrase and hands both entries to the runner as bytes', async () => {
    const { host, asked } = recordedHost();
    const chosen = host.choosePassphrase({ step: 'handoff.1', custodian: 'Carol Chen', member: 1, minimum: 12 });
    expect(asked()).toEqual([{ id: 'q1', kind: 'choose-passphrase', step: 'handoff.1', custodian: 'Carol Chen', member: 1, minimum: 12 }]);
    await host.answer('q1', { kind: 'passphrase', passphrase: 'correct horse battery', repeated: 'correct horse battery' });
    const entries = await chosen;
    expect(entries.passphrase).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(entries.repeated)).toBe('correct horse battery');
  });
});

describe('RendererHost printing a custodian card', () => {
  const share = { step: 'handoff.1', custodian: 'Carol Chen', member: 1, of: 2, threshold: 2, words: ['abandon'], qrDataUrl: 'data:image/svg+xml;base64,AA==', fingerprint: '0011223344556677' };

  it('offers printing where the run prints to paper, prints on request, and keeps the share shown', async () => {
    const { host, asked } = recordedHost();
    let printed = 0;
    const shown = host.presentShare(share, { printCard: async () => void printed++ });
    expect(asked()[0]).toMatchObject({ kind: 'present-share', canPrint: true });
    await host.printCard('q1');
    expect(printed).toBe(1);
    expect(host.pending().map((q) => q.id)).toEqual(['q1']);
    await host.answer('q1', { kind: 'share-hidden' });
    await expect(shown).resolves.toBeUndefined();
  });

  it('refuses to print, saying only the desktop app prints, where the run cannot', async () => {
    const { host, asked } = recordedHost();
    void host.presentShare(share);
    expect(asked()[0]!).not.toHaveProperty('canPrint');
    await expect(host.printCard('q1')).rejects.toMatchObject({ code: 'host.wrong-answer', message: expect.stringContaining('only the desktop app prints') });
  });
});
