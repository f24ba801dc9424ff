import { useEffect, useRef } from 'react';
import type { CeremonyRun, FinishedRun } from '../../../shared/ipc/ceremony-channels.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { HexText } from '../common/hex-text.js';
import { BundleExport } from '../export/bundle-export.js';

/**
 * The ceremony is closed: the transcript sealed in the HSM, printed, and
 * SHA256SUMS written. Where the bundle is and the SHA-256 of SHA256SUMS —
 * one value that names the whole bundle, to write on the printed transcript.
 */
export function ClosePanel({ api, run, finished, navigate }: { api: ConclaveApi; run: CeremonyRun; finished: FinishedRun; navigate: Navigate }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const leave = async (then: Parameters<Navigate>[0]) => {
    await api.ceremony.dismiss({});
    navigate(then);
  };
  return (
    <section className="question-panel close" aria-labelledby="close-title">
      <h2 id="close-title" ref={heading} tabIndex={-1}>
        The ceremony is closed and sealed
      </h2>
      <dl className="facts">
        <dt>Bundle</dt>
        <dd className="mono">{finished.bundleDir}</dd>
        <dt>Files</dt>
        <dd>{finished.files}</dd>
      </dl>
      <div className="sha-box">
        <h3>SHA-256 of SHA256SUMS</h3>
        <p className="sha-value">
          <HexText value={finished.sumsSha256} size="large" label={`SHA-256 of SHA256SUMS ${finished.sumsSha256}`} />
        </p>
        <p className="hint">Write it on the printed transcript (transcript.pdf in the bundle) beside the signatures: it names every file of the bundle.</p>
      </div>
      {finished.printNotice ? <p className="warning">{finished.printNotice}</p> : null}
      <BundleExport api={api} bundleDir={finished.bundleDir} />
      <div className="actions">
        <button type="button" className="large" onClick={() => void leave({ page: 'verify', path: finished.bundleDir })}>
          Verify this bundle
        </button>
        {run.room.rehearsal && run.script.plan.steps.some((s) => s.action.type === 'backup.split') ? (
          <button type="button" className="large" onClick={() => void leave({ page: 'recovery', bundleDir: finished.bundleDir })}>
            Recovery drill with these shares
          </button>
        ) : null}
        <button type="button" className="large" onClick={() => void leave({ page: 'home' })}>
          Back to start
        </button>
      </div>
    </section>
  );
}
