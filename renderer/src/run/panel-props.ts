import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { PlannedStep } from '../../../shared/script/plan.js';
import type { ConclaveApi } from '../api/conclave-api.js';

/** What every question's panel is given: the API, the run, the question, and the plan's step it belongs to. */
export interface PanelProps<Q extends HostQuestion = HostQuestion> {
  api: ConclaveApi;
  run: CeremonyRun;
  question: Q;
  step: PlannedStep | undefined;
}
