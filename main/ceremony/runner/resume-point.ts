import type { CeremonyPlan, PlannedStep } from '../../../shared/script/plan.js';
import type { TranscriptEvent } from '../../transcript/events.js';

/** Where a resumed ceremony picks up. */
export interface ResumePoint {
  /** Steps done: the walk skips them. */
  completed: Set<string>;
  /** The step that was running when the ceremony stopped, if any. */
  interrupted: PlannedStep | undefined;
  /** The interrupted step, when it is run again in place (its step.started is not written twice). */
  resumeInside: string | undefined;
  /** The share set to declare void, when the stop fell between the KEK and the backup file. */
  voidShareSet: string | undefined;
}

const BACKUP_STEPS = new Set(['backup.kek', 'backup.wrap', 'backup.split', 'custodian.handoff']);

/** The steps that make one backup: KEK, wrap, split, hand-offs. */
export function backupGroup(plan: CeremonyPlan): PlannedStep[] {
  return plan.steps.filter((s) => BACKUP_STEPS.has(s.action.type));
}

/**
 * Finds where to go on from the transcript. The backup is all or nothing:
 * its KEK lived only in memory, so unless backup.written was recorded, every
 * step of the backup is done again with a new KEK, and the share set issued
 * so far is declared void.
 */
export function resumePoint(plan: CeremonyPlan, events: readonly TranscriptEvent[]): ResumePoint {
  const completed = new Set(events.filter((e) => e.type === 'step.completed').map((e) => e.step));
  const lastStarted = [...events].reverse().find((e) => e.type === 'step.started');
  let interrupted = lastStarted && !completed.has(lastStarted.step) ? plan.steps.find((s) => s.id === lastStarted.step) : undefined;
  let voidShareSet: string | undefined;
  const group = backupGroup(plan);
  if (group.length > 0) {
    const lastKek = [...events].reverse().find((e) => e.type === 'kek.generated');
    const lastSet = lastKek ? String(lastKek.data.shareSetId) : undefined;
    const written = lastSet !== undefined && events.some((e) => e.type === 'backup.written' && e.data.shareSetId === lastSet);
    const voided = lastSet !== undefined && events.some((e) => e.type === 'backup.voided' && e.data.shareSetId === lastSet);
    if (written) {
      for (const step of group) completed.add(step.id);
      if (interrupted && BACKUP_STEPS.has(interrupted.action.type)) interrupted = undefined;
    } else if (lastSet !== undefined) {
      for (const step of group) completed.delete(step.id);
      if (!voided) voidShareSet = lastSet;
    }
  }
  // Shares brought back live only in memory too: a recovery stopped between
  // the first share and the last restored key takes every share again (keys
  // already restored are taken up by key.restore). In a rotation the quorum
  // stands once kek.rebuilt is recorded: the re-wrap reads the keys from the token.
  const collect = plan.steps.filter((s) => s.action.type === 'share.collect' || s.action.type === 'kek.rebuild' || (plan.kind === 'key-recovery' && s.action.type === 'key.restore'));
  let rerunsCollect = false;
  if (collect.length > 0) {
    const rebuilt = events.some((e) => e.type === 'kek.rebuilt');
    const finished = plan.kind === 'key-recovery' ? collect.every((s) => completed.has(s.id)) : rebuilt;
    const begun = collect.some((s) => completed.has(s.id) || s.id === interrupted?.id);
    if (finished && plan.kind !== 'key-recovery') for (const step of collect) completed.add(step.id);
    else if (!finished && begun) {
      for (const step of collect) completed.delete(step.id);
      rerunsCollect = interrupted !== undefined && collect.includes(interrupted);
    }
  }
  const rerunsGroup = interrupted !== undefined && (BACKUP_STEPS.has(interrupted.action.type) || rerunsCollect);
  return { completed, interrupted, resumeInside: interrupted && !rerunsGroup ? interrupted.id : undefined, voidShareSet };
}
