import { useEffect, useState } from 'react';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { ConclaveApi } from '../api/conclave-api.js';

/** The ceremony as the screens follow it: the run (or none) and the questions waiting for the room. */
export interface CeremonyState {
  /** Undefined until the engine has answered the first time. */
  run: CeremonyRun | null | undefined;
  /** Open questions, oldest first. A present-share question holds share words: it is dropped as soon as it settles. */
  questions: HostQuestion[];
}

/**
 * Follows the engine's ceremony run: its state at first, then every event —
 * transcript lines, progress, questions asked and settled, the run ending.
 * Subscribes before asking for the state, so nothing falls between the two;
 * a line already seen (by its seq) is not added twice.
 */
export function useCeremony(api: ConclaveApi): CeremonyState {
  const [run, setRun] = useState<CeremonyRun | null | undefined>(undefined);
  const [questions, setQuestions] = useState<HostQuestion[]>([]);

  useEffect(() => {
    let live = true;
    const addQuestion = (question: HostQuestion) => setQuestions((open) => (open.some((q) => q.id === question.id) ? open : [...open, question]));
    const loadPending = () =>
      void api.host.pending({}).then((result) => {
        if (live && result.ok) for (const question of result.value) addQuestion(question);
      });
    const stops = [
      api.on('ceremony.changed', ({ run: changed }) => {
        setRun(changed);
        if (changed?.state === 'running') loadPending();
        else setQuestions([]);
      }),
      api.on('transcript.event', (line) =>
        setRun((current) => {
          if (!current || current.lines.some((l) => l.seq === line.seq)) return current;
          return { ...current, lines: [...current.lines, line], progress: null };
        }),
      ),
      api.on('runner.progress', (progress) => setRun((current) => (current ? { ...current, progress: { ...progress, since: new Date().toISOString() } } : current))),
      api.on('host.ask', addQuestion),
      api.on('host.settled', ({ id }) => setQuestions((open) => open.filter((q) => q.id !== id))),
    ];
    void api.ceremony.status({}).then((result) => {
      if (!live) return;
      setRun(result.ok ? result.value : null);
    });
    loadPending();
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [api]);

  return { run, questions };
}
