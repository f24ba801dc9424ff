/**
 * The plan of a ceremony: every step the runner walks, in order, as `conclave
 * script check` prints it and the app shows it before the day. Step ids are
 * stable for a given script: the transcript records them and resume finds its
 * place by them.
 */
import type { CeremonyKind } from './common.js';

/** What a step does, with the script names it acts on; the runner dispatches on `type`. */
export type StepAction =
  | { type: 'open' }
  | { type: 'preflight.machine'; airGap: 'required' | 'warn' }
  | {
      type: 'preflight.hsm';
      token: string;
      /** Labels that must not be on the token yet (the ceremony creates them). */
      absentLabels: string[];
      /** Labels that must already be on the token (the ceremony uses them). */
      presentLabels: string[];
    }
  | { type: 'roll-call'; participants: string[] }
  /** Generate the key named `key` under the script's keys. */
  | { type: 'generate-key'; key: string }
  /** Check that the issuer's key on the token matches its certificate in the source bundle. */
  | { type: 'issuer.check'; key: string; certificate: string }
  /** Verify the source bundle: SHA256SUMS, transcript chain and seal, backup against transcript. */
  | { type: 'source.verify' }
  /** Take a share of the old KEK from a custodian, checked on entry against the source transcript. */
  | { type: 'share.collect'; custodian: string; order: number }
  /** Combine the collected shares, check the KCV, import the KEK as a session key. */
  | { type: 'kek.rebuild' }
  | { type: 'backup.kek' }
  /** Wrap keys under the KEK: by key name (root ceremony) or every key of the source backup (rotation, `keys` empty). */
  | { type: 'backup.wrap'; keys: string[] }
  | { type: 'backup.split'; threshold: number; shares: number }
  | { type: 'custodian.handoff'; custodian: string; member: number }
  | { type: 'certificate.sign'; certificate: string }
  | { type: 'crl.sign'; crl: string }
  | { type: 'key.restore'; label: string }
  | { type: 'backup.void' }
  | { type: 'inventory'; when: 'before' | 'after' }
  | { type: 'key.destroy'; label: string }
  | { type: 'key.export'; export: string }
  /** Write the ceremony's removable-media output to one USB stick, read it back and compare. */
  | { type: 'usb.write'; copy: number; copies: number }
  | { type: 'close' };

export type StepType = StepAction['type'];

/** Something a step leaves behind. */
export interface PlannedOutput {
  /** hsm-object: a key on the token; file: in the bundle; share: with a custodian; usb: on a stick; record: in the transcript only. */
  kind: 'hsm-object' | 'file' | 'share' | 'usb' | 'record';
  /** The token label, bundle path, or custodian it concerns. */
  name: string;
  /** In plain words. */
  description: string;
}

/** An action that cannot be undone: the administrator types `word` to go ahead. */
export interface Irreversible {
  word: string;
  /** What cannot be undone, read aloud before the word is typed. */
  consequence: string;
}

export interface PlannedStep {
  /** Stable id, e.g. "generate-key.root", "handoff.3"; the transcript's `step`. */
  id: string;
  action: StepAction;
  title: string;
  /** What happens and what the people in the room do, in plain language. */
  instructions: string;
  /** The team's own words for this step, from the script's `instructions`. */
  extraInstructions?: string;
  creates: PlannedOutput[];
  /** Set when the step needs type-to-confirm. */
  irreversible: Irreversible | null;
}

export interface CeremonyPlan {
  kind: CeremonyKind;
  ceremonyId: string;
  title: string;
  steps: PlannedStep[];
}
