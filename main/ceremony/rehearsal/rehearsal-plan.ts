import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { validateCeremonyScript, type CeremonyScript, type ScriptOfKind } from '../../../shared/script/ceremony-script.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';
import { keyTypes } from '../../../shared/script/keys.js';
import { loadScript, type LoadedScript } from '../script/load-script.js';
import { planCeremony } from '../script/plan-ceremony.js';
import { ScriptDocument } from '../script/script-document.js';
import { ScriptError } from '../script/script-error.js';
import { CeremonyError } from '../runner/ceremony-error.js';
import { assertRunnable } from '../runner/walk-plan.js';

/** The token a practice root ceremony runs on when a recovery's own token label is the root script's. */
const PRACTICE_ROOT_TOKEN = 'conclave-practice-root';

/** What a rehearsal will do, decided before any token exists. */
export interface RehearsalPlan {
  script: CeremonyScript;
  plan: CeremonyPlan;
  /** For a kind that builds on earlier state: the practice root ceremony to run first, and its token. */
  root: { scriptPath: string; loaded: LoadedScript; tokenLabel: string } | undefined;
  /** Tokens to create empty before the first ceremony. */
  tokens: string[];
  /** Whether the ceremony makes a backup, so the rehearsal ends with the recovery drill. */
  drill: boolean;
}

/**
 * Checks the script of a rehearsal — and for a kind that builds on earlier
 * state, the root script rehearsed first — and decides the tokens, before any
 * token store exists: a script error is reported with its positions and
 * nothing is touched.
 *
 * Token labels: a later kind runs on the token its own script names, and the
 * practice root ceremony runs first on that same token (the root script's
 * token label is replaced for it, as a room setting), so the keys it uses are
 * there. key-recovery is the exception: it restores into an empty token of its
 * own label, and the practice root runs on the root script's token (or on
 * "conclave-practice-root" when the two labels are the same).
 * @throws ScriptError (either script), CeremonyError STEP_FAILED (a step this
 *   Conclave cannot run) or PREFLIGHT_FAILED (the root script does not make what the script uses).
 */
export async function planRehearsal(scriptPath: string, rootScriptPath: string, existingSource?: string): Promise<RehearsalPlan> {
  if (existingSource !== undefined) {
    const loaded = await loadScript(scriptPath, { source: existingSource });
    assertRunnable(loaded);
    const drill = makesBackup(loaded.script);
    return { script: loaded.script, plan: loaded.plan, root: undefined, tokens: [], drill };
  }
  const { script, plan } = await checkBeforeSource(scriptPath);
  assertRunnable({ plan });
  if (script.kind === 'root-key-generation') return { script, plan, root: undefined, tokens: [script.hsm.token], drill: true };
  const rootLoaded = await loadScript(rootScriptPath);
  const root = rootLoaded.script;
  if (root.kind !== 'root-key-generation') {
    throw new CeremonyError('PREFLIGHT_FAILED', `${rootScriptPath} is a ${root.kind} script: a ${script.kind} rehearsal first rehearses a root-key-generation script.`);
  }
  assertRunnable(rootLoaded);
  checkRootMakesWhatIsUsed(script, plan, root, rootScriptPath);
  const recovery = script.kind === 'key-recovery';
  const rootToken = !recovery ? script.hsm.token : root.hsm.token !== script.hsm.token ? root.hsm.token : PRACTICE_ROOT_TOKEN;
  return {
    script,
    plan,
    root: { scriptPath: rootScriptPath, loaded: rootLoaded, tokenLabel: rootToken },
    tokens: recovery ? [rootToken, script.hsm.token] : [rootToken],
    drill: makesBackup(script),
  };
}

function makesBackup(script: CeremonyScript): boolean {
  return script.kind === 'root-key-generation' || script.kind === 'custodian-rotation';
}

/**
 * The whole script check, except that the source bundle cannot exist yet: it
 * is the practice root ceremony's, made once the token store is. The loader
 * is given a source folder that does not exist; its one "does not exist"
 * problem at `source` is expected and dropped, every other problem stands.
 */
async function checkBeforeSource(scriptPath: string): Promise<{ script: CeremonyScript; plan: CeremonyPlan }> {
  const pending = join(tmpdir(), `conclave-practice-source-not-made-yet-${randomBytes(8).toString('hex')}`);
  try {
    const loaded = await loadScript(scriptPath, { source: pending });
    return { script: loaded.script, plan: loaded.plan };
  } catch (error) {
    if (!(error instanceof ScriptError) || error.code !== 'SCRIPT_INVALID') throw error;
    const problems = error.problems.filter((p) => !(p.source === 'file' && p.path === 'source'));
    if (problems.length > 0) {
      throw new ScriptError('SCRIPT_INVALID', error.file, problems, `The script ${error.file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was run.`);
    }
  }
  // Only the practice source was missing, as it must be: the script is otherwise valid.
  const parsed = ScriptDocument.parse(await readFile(scriptPath, 'utf8'));
  const validated = 'document' in parsed ? validateCeremonyScript(parsed.document.data) : undefined;
  if (!validated?.ok) throw new Error(`${scriptPath} validated once and not the second time: it changed while it was read.`);
  return { script: validated.script, plan: planCeremony(validated.script) };
}

/** The practice root must make every key, share holder and certificate the script uses; said now, not after a root ceremony. */
function checkRootMakesWhatIsUsed(script: CeremonyScript, plan: CeremonyPlan, root: ScriptOfKind<'root-key-generation'>, rootScriptPath: string): void {
  const missing: string[] = [];
  const labels = new Set(root.keys.map((k) => k.label));
  const backedUp = new Set(root.keys.filter((k) => k.backup).map((k) => k.label));
  const pairs = new Set(root.keys.filter((k) => keyTypes[k.type].kind !== 'aes').map((k) => k.label));
  const certificates = new Set(root.certificates.map((c) => c.name));
  const crls = new Set(root.crls.map((c) => c.name));
  const preflight = plan.steps.find((s) => s.action.type === 'preflight.hsm')?.action;
  if (script.kind !== 'key-recovery' && preflight?.type === 'preflight.hsm') {
    for (const label of preflight.presentLabels) if (!labels.has(label)) missing.push(`key "${label}"`);
  }
  if (script.kind === 'root-key-generation') return;
  if (!pairs.has(script.seal.key)) missing.push(`key pair "${script.seal.key}" (seal)`);
  for (const name of [script.seal.certificate, script.seal.root]) if (!certificates.has(name)) missing.push(`certificate "${name}"`);
  if (script.kind === 'subordinate-signing' || script.kind === 'crl-signing') {
    if (!certificates.has(script.issuer.certificate)) missing.push(`certificate "${script.issuer.certificate}"`);
    for (const crl of script.crls) if (crl.previous !== undefined && !crls.has(crl.previous)) missing.push(`CRL "${crl.previous}"`);
  }
  if (script.kind === 'key-recovery') {
    for (const label of script.recovery.restore) if (!backedUp.has(label)) missing.push(`backed-up key "${label}"`);
  }
  const custodians = script.kind === 'key-recovery' ? script.recovery.custodians : script.kind === 'custodian-rotation' ? script.rotation.quorum : [];
  for (const name of custodians) if (!root.backup.custodians.includes(name)) missing.push(`a share for custodian ${name}`);
  if (missing.length > 0) {
    throw new CeremonyError('PREFLIGHT_FAILED', `The practice root ceremony ${rootScriptPath} does not make ${missing.join(', ')}, which this ${script.kind} script uses. Nothing was done. Rehearse it on the root script your ceremony builds on: \`conclave rehearse --script <this script> --root <that root script>\` (the app rehearses later ceremonies on the example root only).`);
  }
}
