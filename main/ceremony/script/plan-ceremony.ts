/**
 * The plan of a ceremony: the steps the runner walks for the script's kind,
 * in order, each with its instructions, what it creates and whether it asks
 * for a confirmation word. Pure: the same script always gives the same plan,
 * which is what lets resume find its place by step id.
 */
import type { CeremonyScript, ScriptOfKind } from '../../../shared/script/ceremony-script.js';
import type { CeremonyPlan, PlannedStep } from '../../../shared/script/plan.js';
import { collectShareSteps, handoffSteps, kekStep, rebuildStep, splitStep, voidStep, wrapStep } from './backup-steps.js';
import { destroyKeyStep, exportKeyStep, generateKeyStep, restoreKeyStep } from './key-steps.js';
import { certificateStep, crlStep, issuerCheckStep, sourceVerifyStep } from './pki-steps.js';
import { closeStep, hsmStep, machineStep, openStep, rollCallStep, usbSteps } from './room-steps.js';

/** The plan of a valid script. Team instructions are attached to the steps they name. */
export function planCeremony(script: CeremonyScript): CeremonyPlan {
  const steps = kindSteps(script).map((step) => {
    const extra = script.instructions[step.id];
    return extra === undefined ? step : { ...step, extraInstructions: extra };
  });
  return { kind: script.kind, ceremonyId: script.id, title: script.title, steps };
}

function kindSteps(script: CeremonyScript): PlannedStep[] {
  switch (script.kind) {
    case 'root-key-generation':
      return rootKeyGeneration(script);
    case 'subordinate-signing':
      return subordinateSigning(script);
    case 'crl-signing':
      return crlSigning(script);
    case 'key-recovery':
      return keyRecovery(script);
    case 'custodian-rotation':
      return custodianRotation(script);
    case 'key-destruction':
      return keyDestruction(script);
    case 'key-export':
      return keyExport(script);
  }
}

/** open, pre-flight (machine, HSM), roll call: the start of every ceremony. */
function opening(script: CeremonyScript, absent: string[], present: string[]): PlannedStep[] {
  return [openStep(), machineStep(script), hsmStep(script, absent, present), rollCallStep(script)];
}

function rootKeyGeneration(s: ScriptOfKind<'root-key-generation'>): PlannedStep[] {
  const labelOf = (name: string | undefined) => s.keys.find((k) => k.name === name)?.label;
  const backedUp = s.keys.filter((k) => k.backup);
  // The schema guarantees exactly one root-ca and one audit certificate, each with a declared key.
  const root = s.certificates.find((c) => c.profile === 'root-ca')!;
  const audit = s.certificates.find((c) => c.profile === 'audit')!;
  const rootLabel = labelOf(root.key)!;
  const others = s.certificates.filter((c) => c !== root && c !== audit);
  return [
    ...opening(s, s.keys.map((k) => k.label), []),
    ...s.keys.map(generateKeyStep),
    kekStep(),
    wrapStep(backedUp.map((k) => k.name), backedUp.map((k) => k.label)),
    splitStep(s.backup),
    ...handoffSteps(s.backup),
    ...[root, audit, ...others].map((c) => certificateStep(c, rootLabel, labelOf(c.key))),
    ...s.crls.map((crl) => crlStep(crl, rootLabel)),
    ...usbSteps(s.backup.usbCopies, 'the wrapped backup (backup/backup.json) and the public certificates'),
    closeStep(labelOf(audit.key)!),
  ];
}

function subordinateSigning(s: ScriptOfKind<'subordinate-signing'>): PlannedStep[] {
  return [
    ...opening(s, [], [s.issuer.key, s.seal.key]),
    sourceVerifyStep(s.source),
    issuerCheckStep(s.issuer.key, s.issuer.certificate),
    ...s.certificates.map((c) => certificateStep(c, s.issuer.key, undefined)),
    ...s.crls.map((crl) => crlStep(crl, s.issuer.key)),
    closeStep(s.seal.key),
  ];
}

function crlSigning(s: ScriptOfKind<'crl-signing'>): PlannedStep[] {
  return [
    ...opening(s, [], [s.issuer.key, s.seal.key]),
    sourceVerifyStep(s.source),
    issuerCheckStep(s.issuer.key, s.issuer.certificate),
    ...s.crls.map((crl) => crlStep(crl, s.issuer.key)),
    closeStep(s.seal.key),
  ];
}

function keyRecovery(s: ScriptOfKind<'key-recovery'>): PlannedStep[] {
  return [
    ...opening(s, s.recovery.restore, []),
    sourceVerifyStep(s.source),
    ...collectShareSteps(s.recovery.custodians),
    rebuildStep('restore'),
    ...s.recovery.restore.map(restoreKeyStep),
    closeStep(s.seal.key),
  ];
}

function custodianRotation(s: ScriptOfKind<'custodian-rotation'>): PlannedStep[] {
  return [
    ...opening(s, [], [s.seal.key]),
    sourceVerifyStep(s.source),
    ...collectShareSteps(s.rotation.quorum),
    rebuildStep('rotate'),
    kekStep(),
    wrapStep([], []),
    splitStep(s.backup),
    ...handoffSteps(s.backup),
    ...usbSteps(s.backup.usbCopies, 'the new wrapped backup (backup/backup.json)'),
    // Last: nothing old is declared void until the new set has proven receipt and the new backup read back.
    voidStep(),
    closeStep(s.seal.key),
  ];
}

function keyDestruction(s: ScriptOfKind<'key-destruction'>): PlannedStep[] {
  return [
    ...opening(s, [], [...s.destroy.map((d) => d.label), s.seal.key]),
    sourceVerifyStep(s.source),
    inventoryStep('before'),
    ...s.destroy.map(destroyKeyStep),
    inventoryStep('after'),
    closeStep(s.seal.key),
  ];
}

function keyExport(s: ScriptOfKind<'key-export'>): PlannedStep[] {
  const keys = [...new Set(s.exports.map((e) => e.key))];
  return [
    ...opening(s, [], [...keys, s.seal.key]),
    sourceVerifyStep(s.source),
    ...s.exports.map(exportKeyStep),
    ...usbSteps(s.usbCopies, 'the exported files (exports/)'),
    closeStep(s.seal.key),
  ];
}

function inventoryStep(when: 'before' | 'after'): PlannedStep {
  return {
    id: `inventory.${when}`,
    action: { type: 'inventory', when },
    title: `Record the token's inventory ${when} destruction`,
    instructions: `Conclave lists every object on the token — class, label, CKA_ID, key type — into the transcript${when === 'after' ? ', so the difference from the list before shows exactly what was destroyed' : ''}.`,
    creates: [{ kind: 'record', name: `inventory.${when}`, description: 'every object on the token' }],
    irreversible: null,
  };
}
