import { useEffect, useRef, useState } from 'react';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { HostQuestion, TakeShareQuestion } from '../../../shared/ipc/host-questions.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ClosePanel } from '../close/close-panel.js';
import { StoppedPanel } from '../close/stopped-panel.js';
import { RehearsalBanner } from '../common/rehearsal-banner.js';
import { DeviationForm } from './deviation-form.js';
import { QuestionPanel } from './question-panel.js';
import { StepRail } from './step-rail.js';
import { stepStates } from './step-states.js';
import { StopForm } from './stop-form.js';
import { TranscriptTail } from './transcript-tail.js';
import { formatElapsed, useNow } from './use-now.js';
import { WorkingPanel } from './working-panel.js';

/**
 * The ceremony on screen: the rail of every step with its state, the current
 * question (or the work under way, or how the ceremony ended), the live tail
 * of the transcript, and — always at hand — "record a deviation" and "stop".
 */
export function RunScreen({ api, run, questions, navigate }: { api: ConclaveApi; run: CeremonyRun; questions: HostQuestion[]; navigate: Navigate }) {
  const now = useNow();
  const [aside, setAside] = useState<'deviation' | 'stop' | undefined>(undefined);
  // How many words each custodian's share has, remembered (a count, not the words) for typing it back.
  const wordCounts = useRef(new Map<string, number>());
  const asked = questions[0];
  if (asked?.kind === 'present-share') wordCounts.current.set(asked.custodian, asked.words.length);
  const states = stepStates(run.script.plan, run.lines, run.state === 'stopped');
  // A share typed back stays on screen while main checks it: refused, it is asked again, and the
  // custodian corrects only the word named instead of facing empty fields.
  const lastTake = useRef<TakeShareQuestion | undefined>(undefined);
  if (asked) lastTake.current = asked.kind === 'take-share' ? asked : undefined;
  const checking = !asked && run.state === 'running' && lastTake.current && states.get(lastTake.current.step) === 'current' ? lastTake.current : undefined;
  const question = asked ?? checking;
  const current = question?.step ?? [...states].find(([, s]) => s === 'current')?.[0];
  const running = run.state === 'running';
  const privateQuestion = running && (question?.kind === 'present-share' || question?.kind === 'take-share');
  const main = useRef<HTMLElement>(null);
  // Each new question starts at its top: its heading, not wherever the last one was scrolled to.
  useEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [question?.id, run.state]);

  return (
    // While a share is on screen or typed back, only the custodian looks: the screen shows that and nothing else.
    <div className={`run${run.room.rehearsal ? ' rehearsal' : ''}${privateQuestion ? ' private' : ''}`}>
      {run.room.rehearsal ? <RehearsalBanner /> : null}
      <header className="run-head">
        <div>
          <h1>{run.script.plan.title}</h1>
          <p className="run-meta">
            {run.mode === 'resume' ? 'Resumed' : 'Started'} {formatElapsed(now - Date.parse(run.startedAt))} ago · token <span className="mono">{run.room.tokenLabel}</span>
          </p>
        </div>
        {running ? (
          <div className="run-tools">
            <button type="button" onClick={() => setAside(aside === 'deviation' ? undefined : 'deviation')} aria-expanded={aside === 'deviation'}>
              Record a deviation
            </button>
            <button type="button" className="danger" disabled={!asked} onClick={() => setAside(aside === 'stop' ? undefined : 'stop')} aria-expanded={aside === 'stop'}>
              Stop
            </button>
          </div>
        ) : null}
      </header>
      <div className="run-body">
        <StepRail plan={run.script.plan} states={states} />
        <main className="run-main" ref={main}>
          {aside === 'deviation' && running ? <DeviationForm api={api} run={run} onClose={() => setAside(undefined)} /> : null}
          {aside === 'stop' && running && asked ? <StopForm api={api} question={asked} onClose={() => setAside(undefined)} /> : null}
          {run.state === 'finished' && run.finished ? (
            <ClosePanel api={api} run={run} finished={run.finished} navigate={navigate} />
          ) : run.state === 'stopped' ? (
            <StoppedPanel api={api} run={run} navigate={navigate} />
          ) : question ? (
            // A custodian retyping a refused share keeps the words typed so far: the entry is keyed by its step.
            <QuestionPanel key={question.kind === 'take-share' ? `take-${question.step}` : question.id} api={api} run={run} question={question} checking={question === checking} wordCount={question.kind === 'take-share' && question.custodian ? wordCounts.current.get(question.custodian) : undefined} />
          ) : (
            <WorkingPanel run={run} stepId={current} />
          )}
        </main>
      </div>
      <TranscriptTail lines={run.lines} />
    </div>
  );
}
