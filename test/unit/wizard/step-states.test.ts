import { describe, expect, it } from 'vitest';
import type { TranscriptTail } from '../../../shared/ipc/runner-events.js';
import type { CeremonyPlan } from '../../../shared/script/plan.js';
import { stepStates } from '../../../renderer/src/run/step-states.js';

const step = (id: string) => ({ id, action: { type: 'open' as const }, title: id, instructions: '', creates: [], irreversible: null });
const plan: CeremonyPlan = { kind: 'root-key-generation', ceremonyId: 'x', title: 'x', steps: [step('open'), step('roll-call'), step('close')] };
const tail = (seq: number, type: string, stepId: string): TranscriptTail => ({ seq, type, step: stepId, sha256: '' });
const lines = [tail(0, 'step.started', 'open'), tail(1, 'step.completed', 'open'), tail(2, 'step.started', 'roll-call')];

describe('the step rail states, from the transcript', () => {
  it('marks completed steps done, the one started last current, the rest to do', () => {
    expect([...stepStates(plan, lines, false)]).toEqual([
      ['open', 'done'],
      ['roll-call', 'current'],
      ['close', 'waiting'],
    ]);
  });

  it('marks the step where the run stopped as stopped', () => {
    expect(stepStates(plan, lines, true).get('roll-call')).toBe('stopped');
  });
});
