import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRoom, RunScript } from '../../shared/ipc/ceremony-channels.js';
import type { TranscriptTail } from '../../shared/ipc/runner-events.js';
import type { CeremonyKind } from '../../shared/script/common.js';
import { SUMS_FILE } from '../bundle/bundle-path.js';
import { TRANSCRIPT_FILE } from '../ceremony/runner/finish-ceremony.js';
import { checkScriptText } from '../ceremony/script/load-script.js';
import { ScriptError } from '../ceremony/script/script-error.js';
import { TranscriptLines } from './transcript-lines.js';

/** A ceremony as its bundle folder records it: the script and plan, the room, the lines so far. */
export interface BundleCeremony {
  script: RunScript;
  room: RunRoom;
  ceremonyId: string;
  title: string;
  kind: CeremonyKind;
  lines: TranscriptTail[];
  /** SHA256SUMS is written: the ceremony closed and everything after the close is done. */
  finished: boolean;
}

/**
 * Reads a ceremony's bundle folder without changing it: ceremony.yaml (planned
 * again as the resume will), and the transcript's complete lines, whose first
 * (ceremony.opened) holds the room settings and where the script's files were.
 * @throws Error when the folder holds no ceremony; ScriptError when its script no longer checks.
 */
export async function readBundleCeremony(bundleDir: string): Promise<BundleCeremony> {
  const bytes = await readFile(join(bundleDir, 'ceremony.yaml')).catch(() => undefined);
  const lines = await new TranscriptLines(join(bundleDir, TRANSCRIPT_FILE)).next();
  const opened = lines[0];
  if (!bytes || opened?.type !== 'ceremony.opened' || !opened.facts) throw new BundleCeremonyError(`${bundleDir} holds no ceremony that Conclave started (no ceremony.yaml and transcript).`);
  const facts = opened.facts.data;
  const scriptDir = String(facts.scriptDir ?? bundleDir);
  const checked = await checkScriptText(bytes.toString('utf8'), scriptDir, typeof facts.sourceDir === 'string' ? { source: facts.sourceDir } : {});
  const file = join(bundleDir, 'ceremony.yaml');
  if (!checked.ok) throw new ScriptError('SCRIPT_INVALID', file, checked.problems, `The ceremony's script in ${bundleDir} no longer checks (files it names, under ${scriptDir}, moved or changed?).`);
  return {
    script: { file, sha256: createHash('sha256').update(bytes).digest('hex'), plan: checked.plan, participants: checked.script.participants.map((p) => ({ name: p.name, role: p.role })) },
    room: { modulePath: String(facts.modulePath), tokenLabel: String(facts.tokenLabel), rehearsal: facts.rehearsal === true },
    ceremonyId: checked.script.id,
    title: checked.script.title,
    kind: checked.script.kind,
    lines,
    finished: existsSync(join(bundleDir, SUMS_FILE)),
  };
}

/** A folder that is not a ceremony's bundle. */
export class BundleCeremonyError extends Error {
  override readonly name = 'BundleCeremonyError';
  readonly code = 'ceremony.not-a-bundle';
}
