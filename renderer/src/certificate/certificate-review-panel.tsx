import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import { DetailText } from '../common/detail-text.js';
import { AcknowledgeActions } from '../run/acknowledge-actions.js';
import type { PanelProps } from '../run/panel-props.js';
import { StepHeading } from '../run/step-heading.js';
import { reviewFields } from './review-fields.js';

/**
 * The certificate as the witness reviews it before the HSM signs, read back
 * from the exact bytes to be signed: subject, issuer, serial, validity, key,
 * and every extension with its criticality. The profile names the lints that
 * run before and after signing; signing itself waits for the typed word.
 */
export function CertificateReviewPanel({ api, run, question, step }: PanelProps<AcknowledgeQuestion>) {
  const { fields, extensions } = reviewFields(question.detail);
  return (
    <section className="question-panel" aria-labelledby="question-title">
      <StepHeading plan={run.script.plan} step={step} fallback={question.title} />
      <h3 id="question-title">Review before signing: {question.title.replace(/ reviewed$/, '')}</h3>
      <dl className="facts certificate-fields">
        {fields.map((f) => (
          <div key={f.label} className="fact">
            <dt>{f.label}</dt>
            <dd>
              <DetailText text={f.value} />
            </dd>
          </div>
        ))}
      </dl>
      <h4>Extensions</h4>
      <table className="extensions">
        <thead>
          <tr>
            <th scope="col">Extension</th>
            <th scope="col">Critical</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {extensions.map((e, i) => (
            <tr key={i}>
              <th scope="row">{e.name}</th>
              <td>{e.critical ? 'critical' : 'not critical'}</td>
              <td>
                <DetailText text={e.value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">The profile&apos;s lints run on these exact bytes before the HSM signs and again on the signed certificate; a lint failure stops the step.</p>
      <AcknowledgeActions api={api} question={question} label={`${question.actor} has reviewed the certificate`} />
    </section>
  );
}
