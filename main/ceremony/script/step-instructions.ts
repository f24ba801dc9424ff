/**
 * A team's own instructions must name steps the plan has: an instruction for
 * a step that does not exist would silently never be read aloud.
 */
import type { CeremonyScript } from '../../../shared/script/ceremony-script.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';
import type { ScriptProblem } from '../../../shared/script/script-problem.js';
import { closestName } from '../../../shared/script/closest-name.js';
import type { ScriptDocument } from './script-document.js';

/** One problem per key of `instructions` that is not a step id of `plan`, at that key. */
export function checkStepInstructions(script: CeremonyScript, plan: CeremonyPlan, document: ScriptDocument): ScriptProblem[] {
  const ids = plan.steps.map((s) => s.id);
  return Object.keys(script.instructions)
    .filter((id) => !ids.includes(id))
    .map((id) => {
      const near = closestName(id, ids, 3);
      const hint = near ? ` (did you mean "${near}"?)` : '';
      return document.problem(['instructions', id], `no step "${id}" in this ceremony's plan${hint}; \`conclave script check\` lists the step ids`, 'step', 'key');
    });
}
