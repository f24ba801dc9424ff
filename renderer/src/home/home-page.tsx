import type { ConclaveApi } from '../api/conclave-api.js';
import { ErrorNotice } from './error-notice.js';
import { TokenList } from './token-list.js';
import { useResult } from './use-result.js';

/**
 * The first screen: what Conclave is running on, and the HSM tokens it sees.
 * The ceremony actions (new, open, resume, verify, rehearse) join it with the wizard.
 */
export function HomePage({ api }: { api: ConclaveApi }) {
  const [info] = useResult(() => api.app.info({}));
  const [tokens, lookAgain] = useResult(() => api.hsm.listTokens({}));
  return (
    <main className="page">
      <header className="masthead">
        <h1>Conclave</h1>
        {info.state === 'done' && info.result.ok ? <p className="version">Version {info.result.value.version}</p> : null}
      </header>

      <section aria-labelledby="tokens-heading" className="panel">
        <div className="panel-head">
          <h2 id="tokens-heading">HSM tokens</h2>
          <button type="button" onClick={lookAgain} disabled={tokens.state === 'loading'}>
            Look again
          </button>
        </div>
        {tokens.state === 'loading' ? (
          <p aria-live="polite">Asking the HSM…</p>
        ) : tokens.result.ok ? (
          <>
            <p className="module">
              Module <span className="mono">{tokens.result.value.modulePath}</span>
            </p>
            <TokenList list={tokens.result.value} />
          </>
        ) : (
          <ErrorNotice error={tokens.result.error} />
        )}
      </section>

      {info.state === 'done' ? (
        <section aria-labelledby="rehearsal-heading" className="panel">
          <h2 id="rehearsal-heading">Rehearsal</h2>
          {!info.result.ok ? (
            <ErrorNotice error={info.result.error} />
          ) : info.result.value.rehearsal.available ? (
            <p>This machine can rehearse a ceremony on SoftHSM, the practice HSM.</p>
          ) : (
            <p className="warning">{info.result.value.rehearsal.reason}</p>
          )}
        </section>
      ) : null}
    </main>
  );
}
