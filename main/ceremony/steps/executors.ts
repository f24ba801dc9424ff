import type { StepAction } from '../../../shared/script/plan.js';
import { backupKekStep, backupSplitStep, backupWrapStep } from './backup-steps.js';
import { backupVoidStep } from './backup-void-step.js';
import { certificateSignStep } from './certificate-sign-step.js';
import { closeStep } from './close-step.js';
import { crlSignStep } from './crl-sign-step.js';
import { custodianHandoffStep } from './custodian-handoff-step.js';
import { generateKeyStep } from './generate-key-step.js';
import { inventoryStep } from './inventory-step.js';
import { issuerCheckStep } from './issuer-check-step.js';
import { kekRebuildStep } from './kek-rebuild-step.js';
import { keyDestroyStep } from './key-destroy-step.js';
import { keyRestoreStep } from './key-restore-step.js';
import { keyExportStep } from './key-export-step.js';
import { openStep } from './open-step.js';
import { preflightHsmStep } from './preflight-hsm-step.js';
import { preflightMachineStep } from './preflight-machine-step.js';
import { rollCallStep } from './roll-call-step.js';
import { shareCollectStep } from './share-collect-step.js';
import { sourceVerifyStep } from './source-verify-step.js';
import type { StepExecutor } from './step-executor.js';
import { usbWriteStep } from './usb-write-step.js';

/** The executor of each step type. A type missing here is refused before the ceremony starts. */
export const executors: { [T in StepAction['type']]?: StepExecutor<T> } = {
  open: openStep,
  'preflight.machine': preflightMachineStep,
  'preflight.hsm': preflightHsmStep,
  'roll-call': rollCallStep,
  'generate-key': generateKeyStep,
  'source.verify': sourceVerifyStep,
  'issuer.check': issuerCheckStep,
  'share.collect': shareCollectStep,
  'kek.rebuild': kekRebuildStep,
  'backup.kek': backupKekStep,
  'backup.wrap': backupWrapStep,
  'backup.split': backupSplitStep,
  'custodian.handoff': custodianHandoffStep,
  'certificate.sign': certificateSignStep,
  'crl.sign': crlSignStep,
  'key.export': keyExportStep,
  'key.restore': keyRestoreStep,
  'backup.void': backupVoidStep,
  inventory: inventoryStep,
  'key.destroy': keyDestroyStep,
  'usb.write': usbWriteStep,
  close: closeStep,
};
