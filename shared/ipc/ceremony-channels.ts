import { z } from 'zod';
import type { ErrorValue } from '../result.js';
import type { CeremonyKind } from '../script/common.js';
import type { CeremonyPlan } from '../script/plan.js';
import { channel, event } from './channel.js';
import type { RunnerProgress, TranscriptTail } from './runner-events.js';

/** The script a run follows, as the screens show it before and during the ceremony. */
export interface RunScript {
  /** The script file (for a resume: the bundle's ceremony.yaml). */
  file: string;
  /** SHA-256 of its exact bytes ("reviewed equals executed"). */
  sha256: string;
  plan: CeremonyPlan;
  /** Everyone in the room, as the script names them. */
  participants: { name: string; role: 'administrator' | 'witness' | 'custodian' | 'auditor' }[];
}

/** Settings applied in the room, shown apart from the reviewed script. */
export interface RunRoom {
  modulePath: string;
  tokenLabel: string;
  /** A practice run on a throwaway SoftHSM token: every screen says REHEARSAL. */
  rehearsal: boolean;
  /** The bundle a later kind builds on, when the room gives it instead of the script (a rehearsal's practice root bundle). */
  sourceDir?: string;
}

/** What the close produced. */
export interface FinishedRun {
  bundleDir: string;
  /** SHA-256 of SHA256SUMS: one value that names the whole bundle. */
  sumsSha256: string;
  files: number;
  /** Set when the printed documents could not be made as PDFs. */
  printNotice: string | null;
}

/**
 * A ceremony the engine is walking (or has just finished or stopped), as the
 * screens need it: the plan, the room, every transcript line so far, and how
 * it ended. Public facts only.
 */
export interface CeremonyRun {
  id: string;
  mode: 'rehearsal' | 'ceremony' | 'resume';
  bundleDir: string;
  script: RunScript;
  room: RunRoom;
  /** When this run started, ISO 8601. */
  startedAt: string;
  state: 'running' | 'finished' | 'stopped';
  /** Every transcript line of the ceremony so far (earlier runs included), oldest first. */
  lines: TranscriptTail[];
  /** The long operation under way, with when it began (for the elapsed time). */
  progress: (RunnerProgress & { since: string }) | null;
  finished: FinishedRun | null;
  /** Why the run stopped. */
  error: ErrorValue | null;
}

/** A ceremony this app started that never reached its close: the app offers to resume it. */
export interface InterruptedCeremony {
  bundleDir: string;
  ceremonyId: string;
  title: string;
  kind: CeremonyKind;
  rehearsal: boolean;
  completedSteps: number;
  totalSteps: number;
  /** When its transcript's last line was written. */
  lastAt: string;
  /** Why it cannot be resumed here, when it cannot. */
  blocked: string | null;
}

const absolutePath = z.string().min(1).max(4096);
const scriptPath = absolutePath.regex(/\.ya?ml$/i, 'a ceremony script is a .yaml or .yml file');

/**
 * Channels that run ceremonies. Each starts the runner in main and returns at
 * once; the runner's questions arrive as "host.ask" events and its progress as
 * "runner.step", "runner.progress" and "transcript.event"; "ceremony.changed"
 * says when it finished or stopped. One ceremony runs at a time.
 */
export const ceremonyChannels = {
  /** The ceremony running (or just ended) in this app, or null. */
  status: channel<CeremonyRun | null>()(z.strictObject({})),
  /**
   * A rehearsal of a script of any kind (the project's example root script by
   * default) on throwaway SoftHSM tokens; the bundle goes to a new temporary
   * folder. A kind that builds on earlier state first rehearses the example
   * root ceremony, unattended, on the same tokens (the CLI's rehearsal plan).
   */
  rehearse: channel<CeremonyRun>()(z.strictObject({ scriptPath: scriptPath.optional() })),
  /** A real ceremony from its script, into a new or empty bundle folder, on the room's HSM. */
  start: channel<CeremonyRun>()(z.strictObject({ scriptPath, bundleDir: absolutePath })),
  /** Continues an interrupted ceremony from its transcript. */
  resume: channel<CeremonyRun>()(z.strictObject({ bundleDir: absolutePath })),
  /** Ceremonies this app started that were interrupted (a crash, a power loss, a stop). */
  interrupted: channel<InterruptedCeremony[]>()(z.strictObject({})),
  /** A deviation the room noticed, recorded in the transcript under the current step by a participant. */
  deviation: channel<null>()(z.strictObject({ description: z.string().trim().min(1).max(2000), recordedBy: z.string().min(1).max(200) })),
  /** Puts a finished or stopped run away, back to the home screen. */
  dismiss: channel<null>()(z.strictObject({})),
};

/** Events about the ceremony run. */
export const ceremonyEvents = {
  /** A run started, finished or stopped (the whole run as it is now), or was put away (null). */
  'ceremony.changed': event<{ run: CeremonyRun | null }>(),
};
