import { useState } from 'react';
import type { ErrorValue } from '../../../shared/result.js';
import type { ConclaveApi } from '../api/conclave-api.js';
import type { Navigate } from '../app/route.js';
import { ErrorNotice } from '../common/error-notice.js';
import { PathForm } from '../common/path-form.js';
import { useResult } from '../common/use-result.js';
import { InterruptedList } from './interrupted-list.js';
import { TokenList } from './token-list.js';

/**
 * The first screen: rehearse (any kind's example), write a new script from a
 * template, open a script, resume an interrupted ceremony, verify a bundle or
 * recover a backup; and the HSM tokens Conclave sees.
 */
export function HomePage({ api, navigate }: { api: ConclaveApi; navigate: Navigate }) {
  const [info] = useResult(() => api.app.info({}));
  const [tokens, lookAgain] = useResult(() => api.hsm.listTokens({}));
  const [examples] = useResult(() => api.script.examples({}));
  const [rehearseKind, setRehearseKind] = useState('root-key-generation');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<ErrorValue | undefined>(undefined);
  const rehearsal = info.state === 'done' && info.result.ok ? info.result.value.rehearsal : undefined;

  const rehearse = async () => {
    setStarting(true);
    setProblem(undefined);
    // The run appears through "ceremony.changed"; only a refusal is shown here.
    const example = examples.state === 'done' && examples.result.ok ? examples.result.value.find((e) => e.kind === rehearseKind) : undefined;
    const result = await api.ceremony.rehearse(example ? { scriptPath: example.file } : {});
    if (!result.ok) setProblem(result.error);
    setStarting(false);
  };

  return (
    <main className="page">
      <header className="masthead">
        <h1>Conclave</h1>
        {info.state === 'done' && info.result.ok ? <p className="version">Version {info.result.value.version}</p> : null}
      </header>

      <InterruptedList api={api} />

      <section aria-labelledby="start-heading" className="panel">
        <h2 id="start-heading">Start</h2>
        <div className="actions">
          <div className="action">
            <label htmlFor="rehearse-kind">Ceremony to rehearse</label>
            <select id="rehearse-kind" className="block" aria-describedby="rehearse-hint" value={rehearseKind} onChange={(e) => setRehearseKind(e.target.value)}>
              {examples.state === 'done' && examples.result.ok
                ? examples.result.value.map((example) => (
                    <option key={example.kind} value={example.kind}>
                      {example.kind}
                    </option>
                  ))
                : <option value="root-key-generation">root-key-generation</option>}
            </select>
            <button type="button" className="primary large" onClick={() => void rehearse()} disabled={starting || rehearsal?.available === false}>
              Rehearse a ceremony
            </button>
            <p className="hint" id="rehearse-hint">
              That kind&apos;s example script on a throwaway SoftHSM token; a later kind first rehearses the example root, unattended. Every screen and page says REHEARSAL.
            </p>
            {rehearsal && !rehearsal.available ? <p className="warning">{rehearsal.reason}</p> : null}
          </div>
          <div className="action">
            <button type="button" className="large" onClick={() => navigate({ page: 'template' })}>
              New ceremony from a template
            </button>
            <p className="hint">A form that starts from an example script and writes a checked script file for review.</p>
          </div>
          <div className="action">
            <button type="button" className="large" onClick={() => navigate({ page: 'verify' })}>
              Verify a bundle
            </button>
            <p className="hint">Check an evidence bundle: every check with its reason.</p>
          </div>
          <div className="action">
            <button type="button" className="large" onClick={() => navigate({ page: 'recovery' })}>
              Recover a backup
            </button>
            <p className="hint">Custodians bring back their shares, one at a time.</p>
          </div>
        </div>
        {problem ? <ErrorNotice error={problem} /> : null}
      </section>

      <section aria-labelledby="open-heading" className="panel">
        <h2 id="open-heading">Open a ceremony script</h2>
        <PathForm
          label="Script file"
          hint="The reviewed script, e.g. on the USB stick: /media/admin/STICK/root-2026.yaml"
          action="Open the script"
          onSubmit={(path) => navigate({ page: 'script', path })}
        />
      </section>

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
    </main>
  );
}
