import { useState } from 'react';
import type { ConclaveApi } from '../api/conclave-api.js';
import { HomePage } from '../home/home-page.js';
import { RecoveryPage } from '../recovery/recovery-page.js';
import { RunScreen } from '../run/run-screen.js';
import { ScriptPage } from '../script/script-page.js';
import { TemplatePage } from '../template/template-page.js';
import { VerifyPage } from '../verify/verify-page.js';
import type { Route } from './route.js';
import { useCeremony } from './use-ceremony.js';

/**
 * The wizard: while a ceremony runs (or has just ended) its screens fill the
 * window; otherwise the home page and what it leads to (review a script,
 * verify a bundle, recover a backup).
 */
export function App({ api }: { api: ConclaveApi }) {
  const ceremony = useCeremony(api);
  const [route, setRoute] = useState<Route>({ page: 'home' });
  if (ceremony.run === undefined) {
    return (
      <main className="page">
        <p aria-live="polite">Asking the engine…</p>
      </main>
    );
  }
  if (ceremony.run) return <RunScreen api={api} run={ceremony.run} questions={ceremony.questions} navigate={setRoute} />;
  switch (route.page) {
    case 'script':
      return <ScriptPage api={api} path={route.path} created={route.created === true} navigate={setRoute} />;
    case 'template':
      return <TemplatePage api={api} navigate={setRoute} />;
    case 'verify':
      return <VerifyPage api={api} initialPath={route.path} navigate={setRoute} />;
    case 'recovery':
      return <RecoveryPage api={api} initialBundle={route.bundleDir} navigate={setRoute} />;
    default:
      return <HomePage api={api} navigate={setRoute} />;
  }
}
