/**
 * The steps every ceremony walks around its own (design/PRODUCT.md, "The walk
 * through a ceremony"): open, pre-flight, roll call, USB copies and close.
 */
import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { PlannedStep } from '../../../shared/script/plan.js';

/** Open: the script's SHA-256 beside the reviewed one. */
export function openStep(): PlannedStep {
  return {
    id: 'open',
    action: { type: 'open' },
    title: 'Open the script',
    instructions:
      'The administrator opens the script. Conclave shows its SHA-256; the witness reads it aloud and compares it with the value the team signed off when the script was reviewed. Room settings applied here (module path, token) are shown apart from the script. A difference stops the ceremony.',
    creates: [
      { kind: 'file', name: 'ceremony.yaml', description: 'the exact bytes of the script that runs' },
      { kind: 'record', name: 'ceremony.opened', description: 'the script\'s SHA-256, which also starts the transcript\'s hash chain' },
    ],
    irreversible: null,
  };
}

/** Pre-flight of the machine: network, host, app, clock. */
export function machineStep(script: CeremonyScript): PlannedStep {
  const network =
    script.options.airGap === 'required'
      ? 'Any network interface other than loopback that is up stops the ceremony (airGap: required).'
      : 'Any network interface other than loopback that is up is shown, and the witness must acknowledge it as a deviation (airGap: warn).';
  return {
    id: 'preflight.machine',
    action: { type: 'preflight.machine', airGap: script.options.airGap },
    title: 'Check the machine',
    instructions: `${network} Conclave records the hostname, the operating system, its own version and the SHA-256 of its code, and shows the clock; the witness compares the clock with their own watch and confirms it.`,
    creates: [{ kind: 'record', name: 'preflight.machine', description: 'network interfaces, host, OS, app version and hash, confirmed clock' }],
    irreversible: null,
  };
}

/** Pre-flight of the HSM: identity, mechanisms, inventory and labels. */
export function hsmStep(script: CeremonyScript, absentLabels: string[], presentLabels: string[]): PlannedStep {
  const expect = script.hsm.expect ?? {};
  const expected = Object.entries(expect).map(([field, value]) => `${field} "${value}"`);
  const identity = expected.length > 0 ? `It must report ${expected.join(', ')}; anything else stops the ceremony.` : 'The script expects no particular manufacturer, model or serial; what the token reports is recorded.';
  const absent = absentLabels.length > 0 ? ` No object may already carry the labels this ceremony creates (${absentLabels.join(', ')}).` : '';
  const present = presentLabels.length > 0 ? ` The keys this ceremony uses must be there: ${presentLabels.join(', ')}.` : '';
  return {
    id: 'preflight.hsm',
    action: { type: 'preflight.hsm', token: script.hsm.token, absentLabels, presentLabels },
    title: 'Check the HSM',
    instructions: `Conclave finds the token "${script.hsm.token}". ${identity} It checks the mechanisms the ceremony needs and lists the objects already on the token.${absent}${present} Nothing on the token is changed by this step.`,
    creates: [{ kind: 'record', name: 'preflight.hsm', description: 'token identity, mechanisms and inventory' }],
    irreversible: null,
  };
}

/** Roll call: the witness marks each participant present. */
export function rollCallStep(script: CeremonyScript): PlannedStep {
  const names = script.participants.map((p) => p.name);
  const list = script.participants.map((p) => `${p.name} (${p.role})`).join(', ');
  return {
    id: 'roll-call',
    action: { type: 'roll-call', participants: names },
    title: 'Roll call',
    instructions: `The witness marks each participant present, checking their identity as the team's procedure says: ${list}. A participant who is absent is recorded as a deviation.`,
    creates: [{ kind: 'record', name: 'participant.present', description: 'one event per participant' }],
    irreversible: null,
  };
}

/** One step per USB copy of `what`: write, flush, read back, compare. */
export function usbSteps(copies: number, what: string): PlannedStep[] {
  return Array.from({ length: copies }, (_, i) => ({
    id: `export.${i + 1}`,
    action: { type: 'usb.write', copy: i + 1, copies } as const,
    title: `Write USB copy ${i + 1} of ${copies}`,
    instructions: `Insert USB stick ${i + 1}. Conclave writes ${what}, flushes it to the stick, reads every file back and compares its SHA-256 with the original. The witness labels the stick and records who keeps it.`,
    creates: [{ kind: 'usb', name: `copy ${i + 1}`, description: what }],
    irreversible: null,
  }));
}

/** Close: seal, print, SHA256SUMS, log out, wipe. */
export function closeStep(sealKey: string): PlannedStep {
  return {
    id: 'close',
    action: { type: 'close' },
    title: 'Close the ceremony',
    instructions: `The audit key "${sealKey}" seals the transcript with a signature made in the HSM. The transcript is printed with a signature line for every participant, SHA256SUMS is written over the bundle, Conclave logs out of the HSM and wipes every secret from memory.`,
    creates: [
      { kind: 'file', name: 'transcript.jsonl', description: 'the hash-chained journal of the ceremony' },
      { kind: 'file', name: 'transcript.jsonl.p7s', description: 'the seal: CMS signature over the transcript' },
      { kind: 'file', name: 'transcript.pdf', description: 'the printable transcript with signature lines' },
      { kind: 'file', name: 'SHA256SUMS', description: 'the SHA-256 of every file of the bundle' },
    ],
    irreversible: null,
  };
}
