import type { ChooseMediaQuestion } from '../../../shared/ipc/host-questions.js';
import { MediaChoice } from '../export/media-choice.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';

/**
 * The custodian's own USB stick for their sealed share file. Main writes the
 * file without overwriting anything, reads it back and opens it again with
 * the passphrase before the witness acknowledges it; a full or read-only
 * stick brings this screen back with what went wrong.
 */
export function ShareStickPanel({ api, run, question, step }: PanelProps<ChooseMediaQuestion & { custodian: string }>) {
  return (
    <section className="question-panel" aria-labelledby="share-stick-title">
      <StepHeading plan={run.script.plan} step={step} fallback={`Sealed share file for ${question.custodian}`} />
      <h3 id="share-stick-title">{question.custodian}: choose your USB stick</h3>
      <p>It receives {question.what}. It is sealed under the passphrase just chosen, read back and opened again before anything is recorded.</p>
      <MediaChoice api={api} question={question} />
    </section>
  );
}
