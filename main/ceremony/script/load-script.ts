/**
 * Loads a ceremony script file: its exact bytes and their SHA-256 ("reviewed
 * equals executed"), the YAML, the schema, the files it names, and the plan.
 * Every problem is found before anything touches the HSM, and all of them are
 * reported at once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { validateCeremonyScript, type CeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';
import type { ScriptProblem } from '../../../shared/script/script-problem.js';
import { planCeremony } from './plan-ceremony.js';
import { checkReferencedFiles, referencedFiles, sourceDirectory, type ReferencedFile } from './referenced-files.js';
import { ScriptDocument } from './script-document.js';
import { ScriptError } from './script-error.js';
import { checkStepInstructions } from './step-instructions.js';

export interface LoadScriptOptions {
  /**
   * Use this evidence bundle as the script's `source` instead of the one it
   * names: a rehearsal points it at its own practice bundle. Shown apart from
   * the script, like the other room settings.
   */
  source?: string;
}

export interface LoadedScript {
  /** Absolute path of the script file. */
  file: string;
  /** The exact bytes read: the bundle's ceremony.yaml. */
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, lowercase hex: what the team reviewed, and the transcript's first `prev`. */
  sha256: string;
  script: CeremonyScript;
  plan: CeremonyPlan;
  /** The source bundle directory (absolute), for every kind but root-key-generation. */
  sourceDir: string | undefined;
  /** Every file the script names, resolved and checked to exist. */
  files: ReferencedFile[];
  /** A path the script gives, resolved as the script means it (relative to the script's folder). */
  resolvePath(path: string): string;
}

/**
 * Reads, validates and plans a script.
 * @throws ScriptError SCRIPT_UNREADABLE when the file cannot be read or is not UTF-8 text;
 *   SCRIPT_INVALID with every problem (YAML, schema, missing files, unknown step ids) otherwise.
 */
export async function loadScript(file: string, options: LoadScriptOptions = {}): Promise<LoadedScript> {
  const absolute = resolve(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(absolute));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new ScriptError('SCRIPT_UNREADABLE', file, [], `Cannot read the script ${file}: ${reason}.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScriptError('SCRIPT_UNREADABLE', file, [], `The script ${file} is not UTF-8 text: save it as UTF-8 and check it again.`);
  }
  const scriptDir = dirname(absolute);
  const checked = await checkScriptText(text, scriptDir, options);
  if (!checked.ok) {
    const count = checked.problems.length;
    throw new ScriptError('SCRIPT_INVALID', file, checked.problems, `The script ${file} has ${count} problem${count === 1 ? '' : 's'}; nothing was run.`);
  }
  const { script, plan, files } = checked;
  return {
    file: absolute,
    bytes,
    sha256,
    script,
    plan,
    sourceDir: sourceDirectory(script, scriptDir, options.source),
    files,
    resolvePath: (path) => resolve(scriptDir, path),
  };
}

/**
 * Validates script text as if it were a file in `scriptDir`: YAML, schema,
 * the files it names, and the step ids its instructions use.
 */
export async function checkScriptText(
  text: string,
  scriptDir: string,
  options: LoadScriptOptions = {},
): Promise<{ ok: true; script: CeremonyScript; plan: CeremonyPlan; files: ReferencedFile[] } | { ok: false; problems: ScriptProblem[] }> {
  const parsed = ScriptDocument.parse(text);
  if ('problems' in parsed) return { ok: false, problems: sorted(parsed.problems) };
  const { document } = parsed;
  const validated = validateCeremonyScript(document.data);
  if (!validated.ok) {
    const problems = validated.issues.map((issue) =>
      issue.keys && issue.keys.length > 0
        ? document.problem([...issue.path, issue.keys[0]!], issue.message, 'schema', 'key')
        : document.problem(issue.path, issue.message, 'schema'),
    );
    return { ok: false, problems: sorted(problems) };
  }
  const script = validated.script;
  const plan = planCeremony(script);
  const files = referencedFiles(script, scriptDir, options.source);
  const problems = [...checkStepInstructions(script, plan, document), ...(await checkReferencedFiles(files, document, options.source !== undefined))];
  if (problems.length > 0) return { ok: false, problems: sorted(problems) };
  return { ok: true, script, plan, files };
}

function sorted(problems: ScriptProblem[]): ScriptProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
