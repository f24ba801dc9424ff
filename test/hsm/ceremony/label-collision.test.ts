import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PracticeHost } from '../../../main/ceremony/rehearsal/practice-host.js';
import { startCeremony } from '../../../main/ceremony/runner/start-ceremony.js';
import { Hsm } from '../../../main/hsm/hsm.js';
import type { InventoryEntry } from '../../../main/hsm/inventory.js';
import type { TranscriptEvent } from '../../../main/transcript/events.js';
import { createTokenStore, SOFTHSM_MODULE, type TestTokenStore } from '../../support/softhsm.js';

const SCRIPT = join(import.meta.dirname, '../../../examples/root-key-generation.yaml');
const TAKEN = 'acme-example-master-2026';

let store: TestTokenStore;
let work: string;

async function inventory(): Promise<InventoryEntry[]> {
  const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
  try {
    const session = await hsm.openSession({ label: 'acme-root' });
    await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
    return await session.inventory();
  } finally {
    await hsm.close();
  }
}

/** The token the example root ceremony runs on already holds a key under one of the labels it would create. */
beforeAll(async () => {
  store = createTokenStore(['acme-root']);
  work = mkdtempSync(join(tmpdir(), 'conclave-label-collision-'));
  const hsm = await Hsm.open({ modulePath: SOFTHSM_MODULE });
  try {
    const session = await hsm.openSession({ label: 'acme-root' });
    await session.login(new TextEncoder().encode(store.tokens[0]!.pin));
    await session.generateSecretKey({ label: TAKEN, type: { kind: 'aes', bits: 256 }, extractable: false });
  } finally {
    await hsm.close();
  }
});

afterAll(() => {
  store?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a label the ceremony would create, already on the token', () => {
  it('stops the ceremony at pre-flight, naming the label, and the token holds what it held before', async () => {
    const before = await inventory();
    const host = new PracticeHost(new Map([['acme-root', new TextEncoder().encode(store.tokens[0]!.pin)]]));
    const bundle = join(work, 'bundle');
    await expect(startCeremony({ scriptPath: SCRIPT, bundleDir: bundle, host, rehearsal: true, modulePath: SOFTHSM_MODULE })).rejects.toMatchObject({
      code: 'LABEL_COLLISION',
      message: expect.stringContaining(`"${TAKEN}"`),
    });
    expect(await inventory()).toEqual(before);
    const events = readFileSync(join(bundle, 'transcript.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as TranscriptEvent);
    expect(events.at(-1)).toMatchObject({ type: 'deviation.recorded', step: 'preflight.hsm' });
    expect(events.filter((e) => ['key.generated', 'kek.generated', 'cert.issued'].includes(e.type))).toEqual([]);
  });
});
