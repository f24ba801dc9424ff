import { useState, type FormEvent } from 'react';
import type { ErrorValue } from '../../../shared/result.js';
import { ErrorNotice } from '../common/error-notice.js';

/** Where the new script goes (a full path to a new .yaml file), and the button that writes it. */
export function SaveForm({ id, busy, problem, onSave }: { id: string; busy: boolean; problem: ErrorValue | undefined; onSave: (path: string) => void }) {
  const [path, setPath] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onSave(path.trim());
  };
  return (
    <section className="panel" aria-labelledby="save-heading">
      <h2 id="save-heading">Save the script</h2>
      <form className="path-form" onSubmit={submit}>
        <label htmlFor="template-file">New script file</label>
        <p className="hint" id="template-file-hint">
          A full path to a new .yaml file, e.g. /media/admin/STICK/{id || 'my-ceremony'}.yaml. An existing file is never replaced.
        </p>
        <div className="path-row">
          <input id="template-file" aria-describedby="template-file-hint" className="mono" value={path} spellCheck={false} autoComplete="off" onChange={(e) => setPath(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || !path.trim()}>
            Save the script
          </button>
        </div>
      </form>
      {problem ? <ErrorNotice error={problem} /> : null}
    </section>
  );
}
