import { useState } from 'react';
import type { CeremonyRun } from '../../../shared/ipc/ceremony-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';

/**
 * The ceremony stopped: why, in the engine's words, and that nothing is lost —
 * the transcript holds everything up to here, and the ceremony resumes from it.
 */
export function StoppedPanel({ api, run, navigate }: { api: ConclaveApi; run: CeremonyRun; navigate: Navigate }) {
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const resume = async () => {
    setBusy(true);
    const result = await api.ceremony.resume({ bundleDir: run.bundleDir });
    if (!result.ok) setProblem(result.error);
    setBusy(false);
  };
  const home = async () => {
    await api.ceremony.dismiss({});
    navigate({ page: 'home' });
  };
  return (
    <section className="question-panel stopped" aria-labelledby="stopped-title">
      <h2 id="stopped-title">The ceremony stopped</h2>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      <p>Nothing is lost: the transcript in <span className="mono">{run.bundleDir}</span> holds every step up to here. Resume continues from the first step not completed; no key is generated twice.</p>
      <div className="actions">
        <button type="button" className="primary large" disabled={busy} onClick={() => void resume()}>
          Resume the ceremony
        </button>
        <button type="button" className="large" onClick={() => void home()}>
          Back to start
        </button>
      </div>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
