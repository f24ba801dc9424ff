import { useState } from 'react';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PageFrame } from '../common/page-frame.js';
import { PathForm } from '../common/path-form.js';
import { useResult } from '../common/use-result.js';
import { ScriptProblems } from './script-problems.js';
import { ScriptReview } from './script-review.js';

/**
 * A script opened before the day's ceremony: checked (every problem with its
 * line), its SHA-256 and plan for review; then the ceremony starts into a new
 * or empty bundle folder.
 */
export function ScriptPage({ api, path, navigate }: { api: ConclaveApi; path: string; navigate: Navigate }) {
  const [check] = useResult(() => api.script.check({ path }));
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const start = async (bundleDir: string) => {
    setBusy(true);
    const result = await api.ceremony.start({ scriptPath: path, bundleDir });
    if (!result.ok) setProblem(result.error);
    setBusy(false);
  };
  return (
    <PageFrame title="Review the script" onHome={() => navigate({ page: 'home' })}>
      {check.state === 'loading' ? (
        <p aria-live="polite">Checking the script…</p>
      ) : !check.result.ok ? (
        <ErrorNotice error={check.result.error} />
      ) : !check.result.value.valid ? (
        <ScriptProblems file={check.result.value.file} problems={check.result.value.problems} />
      ) : (
        <>
          <ScriptReview file={check.result.value.file} sha256={check.result.value.sha256} plan={check.result.value.plan} />
          <section className="panel" aria-labelledby="begin-heading">
            <h2 id="begin-heading">Begin the ceremony</h2>
            <PathForm label="Bundle folder" hint="A new or empty folder for the evidence bundle, e.g. /srv/ceremonies/root-2026" action="Start the ceremony" busy={busy} onSubmit={(dir) => void start(dir)} />
            {problem ? <ErrorNotice error={problem} /> : null}
          </section>
        </>
      )}
    </PageFrame>
  );
}
