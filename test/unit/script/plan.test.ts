import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScript } from '../../../main/ceremony/script/load-script.js';
import { planCeremony } from '../../../main/ceremony/script/plan-ceremony.js';
import type { CeremonyPlan, PlannedStep } from '../../../shared/script/plan.js';
import { makeSourceBundleFixture } from './source-bundle-fixture.js';
import { rmSync } from 'node:fs';

// The plan is what the runner walks and what the transcript's `step` names:
// for each kind, the steps in the order PRODUCT.md walks a ceremony, with
// stable ids, and a confirmation word on every irreversible step.

const examples = join(import.meta.dirname, '../../../examples');
const source = makeSourceBundleFixture();
afterAll(() => rmSync(source, { recursive: true, force: true }));

async function planOf(kind: string): Promise<CeremonyPlan> {
  return (await loadScript(join(examples, `${kind}.yaml`), kind === 'root-key-generation' ? {} : { source })).plan;
}

const ids = (plan: CeremonyPlan) => plan.steps.map((s) => s.id);
const step = (plan: CeremonyPlan, id: string): PlannedStep => plan.steps.find((s) => s.id === id)!;
const opening = ['open', 'preflight.machine', 'preflight.hsm', 'roll-call'];

describe('the plan', () => {
  it('root-key-generation: keys, backup, one hand-off per custodian, root, audit, subordinate, CRL, USB copies, close', async () => {
    expect(ids(await planOf('root-key-generation'))).toEqual([
      ...opening,
      'generate-key.root', 'generate-key.master', 'generate-key.audit',
      'backup.kek', 'backup.wrap', 'backup.split',
      'handoff.1', 'handoff.2', 'handoff.3', 'handoff.4', 'handoff.5',
      'certificate.root', 'certificate.audit', 'certificate.issuing-ca',
      'crl.root',
      'export.1', 'export.2',
      'close',
    ]);
  });

  it('subordinate-signing: verify the source, check the issuer key, sign, CRL, close', async () => {
    expect(ids(await planOf('subordinate-signing'))).toEqual([...opening, 'source.verify', 'issuer.check', 'certificate.tls-issuing-ca', 'crl.root', 'close']);
  });

  it('crl-signing: verify the source, check the issuer key, sign the CRL, close', async () => {
    expect(ids(await planOf('crl-signing'))).toEqual([...opening, 'source.verify', 'issuer.check', 'crl.root', 'close']);
  });

  it('key-recovery: shares one custodian at a time, rebuild, restore each key, close', async () => {
    expect(ids(await planOf('key-recovery'))).toEqual([
      ...opening, 'source.verify',
      'collect-share.1', 'collect-share.2', 'collect-share.3',
      'kek.rebuild',
      'restore-key.acme-example-root-2026', 'restore-key.acme-example-master-2026', 'restore-key.acme-example-audit-2026',
      'close',
    ]);
  });

  it('custodian-rotation: the old set is declared void only after the new shares are handed over and the new backup written', async () => {
    expect(ids(await planOf('custodian-rotation'))).toEqual([
      ...opening, 'source.verify',
      'collect-share.1', 'collect-share.2', 'collect-share.3',
      'kek.rebuild', 'backup.kek', 'backup.wrap', 'backup.split',
      'handoff.1', 'handoff.2', 'handoff.3', 'handoff.4', 'handoff.5',
      'export.1', 'export.2',
      'backup.void',
      'close',
    ]);
  });

  it('key-destruction: inventory before and after the destruction', async () => {
    expect(ids(await planOf('key-destruction'))).toEqual([...opening, 'source.verify', 'inventory.before', 'destroy-key.acme-example-master-2026', 'inventory.after', 'close']);
  });

  it('key-export: one export step per destination, then the USB copies', async () => {
    expect(ids(await planOf('key-export'))).toEqual([
      ...opening, 'source.verify',
      'key-export.production-hsm', 'key-export.aws', 'key-export.gcp', 'key-export.azure',
      'export.1',
      'close',
    ]);
  });

  it('asks for a confirmation word exactly on signing, destroying, exporting and voiding', async () => {
    const words = new Map<string, string>();
    for (const kind of ['root-key-generation', 'custodian-rotation', 'key-destruction', 'key-export']) {
      for (const s of (await planOf(kind)).steps) if (s.irreversible) words.set(s.action.type, s.irreversible.word);
    }
    expect(Object.fromEntries(words)).toEqual({ 'certificate.sign': 'SIGN', 'crl.sign': 'SIGN', 'backup.void': 'VOID', 'key.destroy': 'DESTROY', 'key.export': 'EXPORT' });
  });

  it('gives every step a unique id, a title, instructions and what it creates', async () => {
    for (const kind of ['root-key-generation', 'subordinate-signing', 'crl-signing', 'key-recovery', 'custodian-rotation', 'key-destruction', 'key-export']) {
      const plan = await planOf(kind);
      expect(new Set(ids(plan)).size, kind).toBe(plan.steps.length);
      for (const s of plan.steps) {
        expect(s.title, s.id).not.toBe('');
        expect(s.instructions.length, s.id).toBeGreaterThan(40);
        expect(s.creates.length, s.id).toBeGreaterThan(0);
      }
    }
  });

  it('is the same for the same script, so resume finds its place by step id', async () => {
    const loaded = await loadScript(join(examples, 'root-key-generation.yaml'));
    expect(planCeremony(loaded.script)).toEqual(loaded.plan);
  });

  it('hands share n to the n-th custodian of the backup', async () => {
    const plan = await planOf('root-key-generation');
    expect(step(plan, 'handoff.3').action).toEqual({ type: 'custodian.handoff', custodian: 'Erin Evans', member: 3 });
    expect(step(plan, 'backup.split').action).toEqual({ type: 'backup.split', threshold: 3, shares: 5 });
  });

  it('tells pre-flight which labels must be absent (to be created) or present (to be used)', async () => {
    expect(step(await planOf('root-key-generation'), 'preflight.hsm').action).toEqual({
      type: 'preflight.hsm',
      token: 'acme-root',
      absentLabels: ['acme-example-root-2026', 'acme-example-master-2026', 'acme-example-audit-2026'],
      presentLabels: [],
    });
    expect(step(await planOf('subordinate-signing'), 'preflight.hsm').action).toMatchObject({ absentLabels: [], presentLabels: ['acme-example-root-2026', 'acme-example-audit-2026'] });
  });

  it('wraps exactly the keys marked for backup', async () => {
    expect(step(await planOf('root-key-generation'), 'backup.wrap').action).toEqual({ type: 'backup.wrap', keys: ['root', 'master', 'audit'] });
  });

  it('attaches the team\'s own instructions to the steps they name', async () => {
    const plan = await planOf('root-key-generation');
    expect(step(plan, 'handoff.1').extraInstructions).toBe('Carol seals her card in a tamper-evident envelope and signs across the seal.');
    expect(step(plan, 'handoff.2').extraInstructions).toBeUndefined();
  });

  it('says what a step creates, e.g. the certificate file and the transcript event', async () => {
    expect(step(await planOf('root-key-generation'), 'certificate.root').creates).toEqual([
      { kind: 'file', name: 'certs/root.pem', description: 'the root-ca certificate (and certs/root.der)' },
      { kind: 'record', name: 'cert.issued', description: 'name, serial, subject, SHA-256 of the DER' },
    ]);
  });

  it('follows the script\'s airGap option in the machine check', async () => {
    expect(step(await planOf('root-key-generation'), 'preflight.machine').action).toEqual({ type: 'preflight.machine', airGap: 'required' });
  });
});
