import { useState } from 'react';
import type { BundleCopy } from '../../../shared/ipc/bundle-channels.js';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from '../common/error-notice.js';
import { HexText } from '../common/hex-text.js';
import { StatusMark } from '../common/status-mark.js';
import { formatBytes } from './format-bytes.js';
import { MediaList } from './media-list.js';
import { useMedia } from './use-media.js';

/**
 * The closed bundle copied whole onto USB drives (for the auditor, for the
 * safe): each copy checked against SHA256SUMS first, every file written,
 * read back and compared, listed with its hash; a full or read-only drive is
 * named, with nothing left on it.
 */
export function BundleExport({ api, bundleDir }: { api: ConclaveApi; bundleDir: string }) {
  const media = useMedia(api);
  const [copies, setCopies] = useState<BundleCopy[]>([]);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const copy = async (mountPoint: string) => {
    setBusy(true);
    setProblem(undefined);
    const result = await api.bundle.export({ bundleDir, mountPoint });
    if (result.ok) setCopies((done) => [...done, result.value]);
    else setProblem(result.error);
    setBusy(false);
  };
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h3 id="export-heading">Copy the whole bundle to a USB drive</h3>
      <MediaList media={media} action="Copy the bundle to" busy={busy} onChoose={(m) => void copy(m.mountPoint)} />
      {busy ? <p aria-live="polite">Writing, reading back and comparing every file…</p> : null}
      {problem ? <ErrorNotice error={problem} /> : null}
      {copies.map((c) => (
        <details key={c.path} className="copy-result" open>
          <summary>
            <StatusMark status="pass" /> {c.files.length} files ({formatBytes(c.bytes)}) copied to <span className="mono">{c.path}</span>, each read back and compared
          </summary>
          <ul className="file-results">
            {c.files.map((f) => (
              <li key={f.path}>
                <StatusMark status="pass" /> <span className="mono">{f.path}</span> <HexText value={f.sha256.slice(0, 16)} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
