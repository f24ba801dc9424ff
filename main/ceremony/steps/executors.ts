import type { StepAction } from '../../../shared/script/plan.js';
import { backupKekStep, backupSplitStep, backupWrapStep } from './backup-steps.js';
import { certificateSignStep } from './certificate-sign-step.js';
import { closeStep } from './close-step.js';
import { crlSignStep } from './crl-sign-step.js';
import { custodianHandoffStep } from './custodian-handoff-step.js';
import { generateKeyStep } from './generate-key-step.js';
import { openStep } from './open-step.js';
import { preflightHsmStep } from './preflight-hsm-step.js';
import { preflightMachineStep } from './preflight-machine-step.js';
import { rollCallStep } from './roll-call-step.js';
import type { StepExecutor } from './step-executor.js';
import { usbWriteStep } from './usb-write-step.js';

/** The executor of each step type. A type missing here is refused before the ceremony starts. */
export const executors: { [T in StepAction['type']]?: StepExecutor<T> } = {
  open: openStep,
  'preflight.machine': preflightMachineStep,
  'preflight.hsm': preflightHsmStep,
  'roll-call': rollCallStep,
  'generate-key': generateKeyStep,
  'backup.kek': backupKekStep,
  'backup.wrap': backupWrapStep,
  'backup.split': backupSplitStep,
  'custodian.handoff': custodianHandoffStep,
  'certificate.sign': certificateSignStep,
  'crl.sign': crlSignStep,
  'usb.write': usbWriteStep,
  close: closeStep,
};
