import type { AcknowledgeQuestion, HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { CertificateReviewPanel } from '../certificate/certificate-review-panel.js';
import { ConfirmPanel } from '../confirm/confirm-panel.js';
import { MediaPanel } from '../export/media-panel.js';
import { HandoffPanel } from '../handoff/handoff-panel.js';
import { PassphrasePanel } from '../handoff/passphrase-panel.js';
import { ShowAgainApprovalPanel } from '../handoff/show-again-approval-panel.js';
import { ReceiptPanel } from '../handoff/receipt-panel.js';
import { ShareStickPanel } from '../handoff/share-stick-panel.js';
import { PinPanel } from '../pin/pin-panel.js';
import { PreflightPanel } from '../preflight/preflight-panel.js';
import { RollCallPanel } from '../roll-call/roll-call-panel.js';
import { OpenPanel } from '../script/open-panel.js';
import type { PanelProps } from './panel-props.js';
import { StepPanel } from './step-panel.js';

/** The screen for one question of the runner, chosen by what it asks and the step it belongs to. */
export function QuestionPanel({ api, run, question, checking, wordCount }: {
  api: ConclaveApi;
  run: CeremonyRun;
  question: HostQuestion;
  /** The question was answered and main is checking the answer (a re-entered share). */
  checking: boolean;
  wordCount: number | undefined;
}) {
  const step = run.script.plan.steps.find((s) => s.id === question.step);
  const base = { api, run, step };
  switch (question.kind) {
    case 'enter-pin':
      return <PinPanel {...base} question={question} />;
    case 'confirm':
      return <ConfirmPanel {...base} question={question} />;
    case 'present-share':
      return <HandoffPanel {...base} question={question} />;
    case 'take-share':
      return <ReceiptPanel {...base} question={question} checking={checking} wordCount={wordCount} />;
    case 'choose-media':
      return question.custodian !== undefined ? <ShareStickPanel {...base} question={{ ...question, custodian: question.custodian }} /> : <MediaPanel {...base} question={question} />;
    case 'choose-passphrase':
      return <PassphrasePanel {...base} question={question} />;
    case 'acknowledge':
      return <AcknowledgePanel {...base} question={question} />;
  }
}

function AcknowledgePanel(props: PanelProps<AcknowledgeQuestion>) {
  switch (props.step?.action.type) {
    case 'open':
      return <OpenPanel {...props} />;
    case 'preflight.machine':
    case 'preflight.hsm':
      return <PreflightPanel {...props} />;
    case 'roll-call':
      return <RollCallPanel {...props} />;
    case 'custodian.handoff':
      // At a hand-off the witness is asked either to approve showing a share again, or to acknowledge a sealed file.
      return props.question.approval === 'show-share-again' ? <ShowAgainApprovalPanel {...props} /> : <StepPanel {...props} />;
    case 'certificate.sign':
      // The first acknowledgement of a signing step is the review; the second confirms the signed result.
      return props.question.title.endsWith(' reviewed') ? <CertificateReviewPanel {...props} /> : <StepPanel {...props} />;
    default:
      return <StepPanel {...props} />;
  }
}
