import type { CeremonyPlan, PlannedStep } from '../../../shared/script/plan.js';

/** The step's place in the plan, its title, and its instructions in plain language (and the team's own words). */
export function StepHeading({ plan, step, fallback }: { plan: CeremonyPlan; step: PlannedStep | undefined; fallback: string }) {
  const index = step ? plan.steps.indexOf(step) : -1;
  return (
    <header className="step-heading">
      {index >= 0 ? (
        <p className="eyebrow">
          Step {index + 1} of {plan.steps.length}
        </p>
      ) : null}
      <h2>{step?.title ?? fallback}</h2>
      {step ? <p className="instructions">{step.instructions}</p> : null}
      {step?.extraInstructions ? <p className="team-note">Team: {step.extraInstructions}</p> : null}
    </header>
  );
}
