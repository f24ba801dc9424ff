import { useState } from 'react';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PageFrame } from '../common/page-frame.js';
import { PathForm } from '../common/path-form.js';
import { useResult } from '../common/use-result.js';
import { RehearsePanel } from './rehearse-panel.js';
import { ScriptProblems } from './script-problems.js';
import { ScriptReview } from './script-review.js';

/**
 * A script opened before the day's ceremony (or just written by the "new
 * ceremony" form): checked (every problem with its line), its SHA-256 and plan
 * for review; then rehearsed on a throwaway token, or the ceremony started
 * into a new or empty bundle folder.
 */
export function ScriptPage({ api, path, created = false, navigate }: { api: ConclaveApi; path: string; created?: boolean; navigate: Navigate }) {
  const [check] = useResult(() => api.script.check({ path }));
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The run appears through "ceremony.changed"; only a refusal is shown here.
  const begin = async (call: () => ReturnType<ConclaveApi['ceremony']['start']>) => {
    setBusy(true);
    setProblem(undefined);
    const result = await call();
    if (!result.ok) setProblem(result.error);
    setBusy(false);
  };
  const rehearse = () => void begin(() => api.ceremony.rehearse({ scriptPath: path }));
  return (
    <PageFrame title="Review the script" onHome={() => navigate({ page: 'home' })}>
      {created ? (
        <p className="done" role="status">
          The new script was written to <span className="mono">{path}</span>. Nothing else was changed.
        </p>
      ) : null}
      {check.state === 'loading' ? (
        <p aria-live="polite">Checking the script…</p>
      ) : !check.result.ok ? (
        <ErrorNotice error={check.result.error} />
      ) : !check.result.value.valid ? (
        <>
          <ScriptProblems file={check.result.value.file} problems={check.result.value.problems} />
          {check.result.value.problems.every((p) => p.source === 'file' && p.path === 'source') ? (
            <>
              <RehearsePanel busy={busy} sourceMissing onRehearse={rehearse} />
              {problem ? <ErrorNotice error={problem} /> : null}
            </>
          ) : null}
        </>
      ) : (
        <>
          <ScriptReview file={check.result.value.file} sha256={check.result.value.sha256} plan={check.result.value.plan} />
          <RehearsePanel busy={busy} onRehearse={rehearse} />
          <section className="panel" aria-labelledby="begin-heading">
            <h2 id="begin-heading">Begin the ceremony</h2>
            <PathForm label="Bundle folder" hint="A new or empty folder for the evidence bundle, e.g. /srv/ceremonies/root-2026" action="Start the ceremony" busy={busy} onSubmit={(dir) => void begin(() => api.ceremony.start({ scriptPath: path, bundleDir: dir }))} />
          </section>
          {problem ? <ErrorNotice error={problem} /> : null}
        </>
      )}
    </PageFrame>
  );
}
