import type { CeremonyPlan } from '../../../shared/script/plan.js';
import type { StepState } from './step-states.js';

const STATE_WORD: Record<StepState, { symbol: string; word: string }> = {
  done: { symbol: '✓', word: 'done' },
  current: { symbol: '▶', word: 'now' },
  stopped: { symbol: '✗', word: 'stopped' },
  waiting: { symbol: '○', word: 'to do' },
};

/** Every step of the plan with its state, as symbol and word (never colour alone); the current one marked for screen readers too. */
export function StepRail({ plan, states }: { plan: CeremonyPlan; states: Map<string, StepState> }) {
  const done = [...states.values()].filter((s) => s === 'done').length;
  return (
    <nav className="step-rail" aria-label="Steps">
      <p className="rail-count">
        {done} of {plan.steps.length} steps done
      </p>
      <ol>
        {plan.steps.map((step) => {
          const state = states.get(step.id) ?? 'waiting';
          const mark = STATE_WORD[state];
          return (
            <li key={step.id} className={`rail-step rail-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="rail-symbol" aria-hidden="true">
                {mark.symbol}
              </span>
              <span className="rail-title">{step.title}</span>
              <span className="visually-hidden">, {mark.word}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
