import { useEffect, useState } from 'react';
import type { RecoveryOutcome, RecoveryProgress } from '../../../shared/ipc/recovery-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PageFrame } from '../common/page-frame.js';
import { PathForm } from '../common/path-form.js';
import { RecoveryOutcomeView } from './recovery-outcome.js';
import { ShareIntake } from './share-intake.js';

/**
 * Recovery of a bundle's backup: the bundle is verified, then custodians
 * bring their shares one at a time, each checked as it is entered; with
 * enough of them the KEK is rebuilt, its KCV checked, and the backup restored
 * into a throwaway token where every key is proven.
 */
export function RecoveryPage({ api, initialBundle, navigate }: { api: ConclaveApi; initialBundle: string | undefined; navigate: Navigate }) {
  const [progress, setProgress] = useState<RecoveryProgress | undefined>(undefined);
  const [outcome, setOutcome] = useState<RecoveryOutcome | undefined>(undefined);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // Leaving the page ends the recovery: main zeroes every share it holds.
  useEffect(() => () => void api.recovery.close({}), [api]);

  const open = async (bundleDir: string) => {
    setBusy(true);
    setProblem(undefined);
    const result = await api.recovery.open({ bundleDir });
    if (result.ok) setProgress(result.value);
    else setProblem(result.error);
    setBusy(false);
  };
  const restore = async () => {
    setBusy(true);
    setProblem(undefined);
    const result = await api.recovery.restore({});
    if (result.ok) setOutcome(result.value);
    else setProblem(result.error);
    setBusy(false);
  };

  return (
    <PageFrame title="Recover a backup" onHome={() => navigate({ page: 'home' })}>
      {!progress ? (
        <section className="panel">
          <PathForm label="Bundle folder" hint="The evidence bundle whose backup/backup.json is recovered. It is verified first." action="Open the backup" initial={initialBundle} busy={busy} onSubmit={(p) => void open(p)} />
          {busy ? <p aria-live="polite">Verifying the bundle…</p> : null}
        </section>
      ) : outcome ? (
        <RecoveryOutcomeView progress={progress} outcome={outcome} />
      ) : (
        <ShareIntake api={api} progress={progress} onProgress={setProgress} busy={busy} onRestore={() => void restore()} />
      )}
      {problem ? <ErrorNotice error={problem} /> : null}
    </PageFrame>
  );
}
