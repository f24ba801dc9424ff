import { useState } from 'react';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';
import { useResult } from '../common/use-result.js';

/**
 * Ceremonies this app started that never finished (a crash, a power loss, a
 * stop): each offered for resume, first on the home screen. Nothing is lost:
 * the transcript says where the ceremony stood.
 */
export function InterruptedList({ api }: { api: ConclaveApi }) {
  const [list] = useResult(() => api.ceremony.interrupted({}));
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (list.state === 'loading' || (list.result.ok && list.result.value.length === 0)) return null;
  if (!list.result.ok) return <ErrorNotice error={list.result.error} />;

  const resume = async (bundleDir: string) => {
    setBusy(true);
    setProblem(undefined);
    const result = await api.ceremony.resume({ bundleDir });
    if (!result.ok) setProblem(result.error);
    setBusy(false);
  };

  return (
    <section aria-labelledby="interrupted-heading" className="panel attention">
      <h2 id="interrupted-heading">An interrupted ceremony can be resumed</h2>
      <ul className="plain-list">
        {list.result.value.map((c) => (
          <li key={c.bundleDir} className="interrupted">
            <h3>
              {c.title}
              {c.rehearsal ? <span className="tag">REHEARSAL</span> : null}
            </h3>
            <p>
              {c.completedSteps} of {c.totalSteps} steps done; last recorded {c.lastAt.replace('T', ' ').slice(0, 19)} UTC.
            </p>
            <p className="mono small">{c.bundleDir}</p>
            {c.blocked ? (
              <p className="warning">{c.blocked}</p>
            ) : (
              <button type="button" className="primary large" disabled={busy} onClick={() => void resume(c.bundleDir)}>
                Resume {c.ceremonyId}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
