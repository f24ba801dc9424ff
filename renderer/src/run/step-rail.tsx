import { useEffect, useRef } from 'react';
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
  const rail = useRef<HTMLElement>(null);
  const current = [...states].find(([, s]) => s === 'current' || s === 'stopped')?.[0];
  // The current step stays in view as the ceremony moves down the rail.
  useEffect(() => {
    rail.current?.querySelector('[data-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <nav className="step-rail" aria-label="Steps" ref={rail}>
      <p className="rail-count">
        {done} of {plan.steps.length} steps done
      </p>
      <ol>
        {plan.steps.map((step) => {
          const state = states.get(step.id) ?? 'waiting';
          const mark = STATE_WORD[state];
          return (
            <li key={step.id} className={`rail-step rail-${state}`} aria-current={state === 'current' ? 'step' : undefined} data-current={step.id === current}>
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
