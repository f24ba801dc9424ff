import type { AcknowledgeQuestion } from '../../../shared/ipc/host-questions.js';
import { DetailText } from '../common/detail-text.js';
import { AcknowledgeActions } from '../run/acknowledge-actions.js';
import type { PanelProps } from '../run/panel-props.js';

/**
 * The witness approves showing a share a second time (design/PRODUCT.md:
 * only with the witness's approval, recorded in the transcript). The custodian's
 * reason is in the detail; approving records it and shows the share again.
 * Not approving means stopping the ceremony (Stop): a resume does the
 * backup's hand-offs again, with a new share set.
 */
export function ShowAgainApprovalPanel({ api, question, step }: PanelProps<AcknowledgeQuestion>) {
  return (
    <section className="question-panel show-again-approval" aria-labelledby="show-again-approval-title">
      <p className="eyebrow">{step?.title ?? 'Custodian hand-off'}</p>
      <h2 id="show-again-approval-title">{question.title}</h2>
      <p className="detail">
        <DetailText text={question.detail} />
      </p>
      <p className="hint">Without approval the ceremony stops here (Stop); when it is resumed, every hand-off of this backup is done again with new shares.</p>
      <AcknowledgeActions api={api} question={question} label={`${question.actor} approves`} />
    </section>
  );
}
