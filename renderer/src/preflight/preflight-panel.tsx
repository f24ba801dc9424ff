import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import type { JsonValue } from '../../../shared/ipc/json.js';
import { DetailText } from '../common/detail-text.js';
import { StatusMark, type CheckStatus } from '../common/status-mark.js';
import { AcknowledgeActions } from '../run/acknowledge-actions.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { linesOfStep } from '../run/step-states.js';
import { HsmIdentity } from './hsm-identity.js';

const CHECK_TITLES: Record<string, string> = { network: 'Network', host: 'Machine', app: 'Conclave', clock: 'Clock' };

interface Check {
  id: string;
  status: CheckStatus;
  detail: string;
}

/**
 * Pre-flight, of the machine or of the HSM: each check with pass, warning or
 * fail and what it found, then what the witness acknowledges (a warning, the
 * clock, the HSM's identity).
 */
export function PreflightPanel({ api, run, question, step }: PanelProps<AcknowledgeQuestion>) {
  const lines = linesOfStep(run.lines, question.step);
  const machine = lines.find((l) => l.type === 'preflight.machine')?.facts?.data;
  const hsm = lines.find((l) => l.type === 'preflight.hsm')?.facts?.data;
  const checks = Array.isArray(machine?.checks) ? (machine.checks as unknown as Check[]) : [];
  return (
    <section className="question-panel" aria-labelledby="question-title">
      <StepHeading plan={run.script.plan} step={step} fallback={question.title} />
      {checks.length > 0 ? (
        <table className="checks">
          <caption className="visually-hidden">Machine checks</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">What was found</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id}>
                <th scope="row">{CHECK_TITLES[c.id] ?? c.id}</th>
                <td>
                  <StatusMark status={c.status} />
                </td>
                <td>
                  <DetailText text={c.detail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hsm ? <HsmIdentity data={hsm as { [key: string]: JsonValue }} /> : null}
      <div className="ask">
        <h3 id="question-title">{question.title}</h3>
        <p className="detail">
          <DetailText text={question.detail} />
        </p>
      </div>
      <AcknowledgeActions api={api} question={question} />
    </section>
  );
}
