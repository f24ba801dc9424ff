import type { CeremonyPlan } from '../../../shared/script/plan.js';

/** Every step of the plan, numbered, with what it does and what it leaves behind, folded until opened. */
export function PlanList({ plan }: { plan: CeremonyPlan }) {
  return (
    <ol className="plan-list">
      {plan.steps.map((step) => (
        <li key={step.id}>
          <details>
            <summary>
              {step.title}
              {step.irreversible ? <span className="tag">type {step.irreversible.word}</span> : null}
            </summary>
            <p>{step.instructions}</p>
            {step.extraInstructions ? <p className="team-note">Team: {step.extraInstructions}</p> : null}
            {step.creates.length > 0 ? (
              <ul className="creates">
                {step.creates.map((c, i) => (
                  <li key={i}>
                    <span className="mono">{c.name}</span>: {c.description}
                  </li>
                ))}
              </ul>
            ) : null}
          </details>
        </li>
      ))}
    </ol>
  );
}
