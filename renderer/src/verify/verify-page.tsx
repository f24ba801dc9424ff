import { useState } from 'react';
import type { BundleVerification } from '../../../shared/ipc/bundle-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PageFrame } from '../common/page-frame.js';
import { PathForm } from '../common/path-form.js';
import { CheckList } from './check-list.js';

const VERDICT: Record<BundleVerification['verdict'], string> = {
  verified: 'Verified: every check passed',
  failed: 'Failed: at least one check failed',
  incomplete: 'Incomplete: some checks could not be made',
};

/** Verifies an evidence bundle as `conclave verify` does: every check with pass or fail and its reason. */
export function VerifyPage({ api, initialPath, navigate }: { api: ConclaveApi; initialPath: string | undefined; navigate: Navigate }) {
  const [report, setReport] = useState<BundleVerification | undefined>(undefined);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const verify = async (path: string) => {
    setBusy(true);
    setReport(undefined);
    setProblem(undefined);
    const result = await api.bundle.verify({ path });
    if (result.ok) setReport(result.value);
    else setProblem(result.error);
    setBusy(false);
  };
  return (
    <PageFrame title="Verify a bundle" onHome={() => navigate({ page: 'home' })}>
      <section className="panel">
        <PathForm label="Bundle folder" hint="The evidence bundle's folder, e.g. /media/auditor/STICK/acme-root-2026" action="Verify" initial={initialPath} busy={busy} onSubmit={(p) => void verify(p)} />
      </section>
      {busy ? <p aria-live="polite">Checking SHA256SUMS, the transcript chain and seal, certificates, CRLs and the backup…</p> : null}
      {problem ? <ErrorNotice error={problem} /> : null}
      {report ? (
        <section className="panel" aria-labelledby="verdict">
          <h2 id="verdict" className={`verdict verdict-${report.verdict}`}>
            {VERDICT[report.verdict]}
          </h2>
          <p className="mono small">{report.bundle}</p>
          <CheckList checks={report.checks} />
        </section>
      ) : null}
    </PageFrame>
  );
}
